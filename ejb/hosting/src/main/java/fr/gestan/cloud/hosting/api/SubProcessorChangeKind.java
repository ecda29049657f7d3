package fr.gestan.cloud.hosting.api;

/**
 * What changed in the list of sub-processors: one added (from its first day), one ending (after its last day), or a
 * hosting operator's controlling owner changing (from the day it takes effect: the R4 case).
 */
public enum SubProcessorChangeKind { ADDED, ENDED, OWNER_CHANGED }
