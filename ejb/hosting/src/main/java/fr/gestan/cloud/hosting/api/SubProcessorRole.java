package fr.gestan.cloud.hosting.api;

/**
 * What a sub-processor does for us: runs data centres (its capital and sites are those of the hosting operator it
 * is), watches and protects the servers (the security monitoring contractor), or another service.
 */
public enum SubProcessorRole { HOSTING_OPERATOR, SECURITY_MONITORING, OTHER }
