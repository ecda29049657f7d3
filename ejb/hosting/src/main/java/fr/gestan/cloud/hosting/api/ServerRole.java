package fr.gestan.cloud.hosting.api;

/** What a server is for: running the tenants' ERP, or keeping their backups at another site. */
public enum ServerRole { PRODUCTION, BACKUP }
