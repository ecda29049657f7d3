package fr.gestan.cloud.hosting.api;

/** A maintenance window: scheduled → in progress → completed. */
public enum MaintenanceState { SCHEDULED, IN_PROGRESS, COMPLETED }
