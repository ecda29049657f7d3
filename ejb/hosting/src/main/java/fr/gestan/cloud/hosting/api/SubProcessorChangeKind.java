package fr.gestan.cloud.hosting.api;

/** What changed in the list of sub-processors: one added (from its first day), or one ending (after its last day). */
public enum SubProcessorChangeKind { ADDED, ENDED }
