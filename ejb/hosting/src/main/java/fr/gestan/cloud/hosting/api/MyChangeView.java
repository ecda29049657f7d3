package fr.gestan.cloud.hosting.api;

/** A change as the client told of it sees it: the change, its own answer, and whether it may still answer. */
public record MyChangeView(SubProcessorChangeView change, ChangeAnswerView answer, boolean open) implements java.io.Serializable {
}
