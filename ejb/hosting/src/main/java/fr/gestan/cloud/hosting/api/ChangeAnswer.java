package fr.gestan.cloud.hosting.api;

/** A client's answer to a sub-processor change (GDPR art. 28(2)). */
public enum ChangeAnswer { ACCEPTED, OBJECTED }
