package fr.gestan.cloud.notifications.internal;

import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A notice names the journal entry that records its event by its log position, which the journal's sequencer gives
 * only after the transaction commits: the message is stored with a marker holding the entry's id, and the sender
 * puts the position in its place just before sending.
 */
final class JournalPositions {

    private static final Pattern MARKER = Pattern.compile("\\[\\[journal-entry:(\\d+)]]");

    private JournalPositions() {
    }

    /** The marker written in the stored message for the entry {@code entryId}. */
    static String marker(String entryId) {
        return "[[journal-entry:" + entryId + "]]";
    }

    static boolean marked(Message message) {
        return MARKER.matcher(message.text()).find();
    }

    /**
     * The message with each marker replaced by its entry's position; while one is not sequenced: null, or with
     * {@code orId}, "? (entry id N)" in its place (the sender stops waiting after a while).
     */
    static Message named(Message message, LongFunction<Long> positionOf, boolean orId) {
        String subject = replace(message.subject(), positionOf, orId);
        String text = replace(message.text(), positionOf, orId);
        String html = message.html() == null ? null : replace(message.html(), positionOf, orId);
        if (subject == null || text == null || (message.html() != null && html == null)) {
            return null;
        }
        return new Message(subject, text, html, message.unsubscribeUrl());
    }

    private static String replace(String in, LongFunction<Long> positionOf, boolean orId) {
        Matcher m = MARKER.matcher(in);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            long entry = Long.parseLong(m.group(1));
            Long position = positionOf.apply(entry);
            if (position == null && !orId) {
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(position == null ? "? (entry id " + entry + ")" : Long.toString(position)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
