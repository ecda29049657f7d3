package fr.gestan.cloud.hosting.api;

/** The steps of an incident, always forward: investigating → identified → monitoring → resolved. */
public enum IncidentState { INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED }
