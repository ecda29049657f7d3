package fr.gestan.cloud.common.runs;

/** Where a stored run stands: running while its server beats, then ended one way or another. */
public enum RunState { RUNNING, COMPLETED, FAILED, INTERRUPTED }
