package fr.gestan.cloud.notifications.internal;

import static fr.gestan.cloud.common.MarkupText.escape;
import static fr.gestan.cloud.common.JsonText.quote;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the messages of a notice from its facts: an e-mail in French with English below (plain text and HTML, texts
 * in {@code notices*.properties}), or a webhook's JSON payload (Standard Webhooks: {@code type}, {@code timestamp},
 * {@code data}).
 */
final class MessageRenderer {

    private static final String BUNDLE = "fr.gestan.cloud.notifications.internal.notices";
    private static final List<Locale> LANGUAGES = List.of(Locale.FRENCH, Locale.ENGLISH);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}");

    private MessageRenderer() {
    }

    /** The e-mail of {@code kind}; {@code unsubscribeUrl} (a subscription's one-click link) or null. */
    static Message email(String kind, Map<String, String> facts, String unsubscribeUrl) {
        StringBuilder subject = new StringBuilder();
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        for (Locale language : LANGUAGES) {
            ResourceBundle texts = bundle(language);
            if (subject.isEmpty()) {
                subject.append(fill(texts.getString("subject." + kind), facts, texts));
            }
            String body = fill(texts.getString("body." + kind), facts, texts);
            if (!text.isEmpty()) {
                text.append("\n\n----- ").append(texts.getString("lang.name")).append(" -----\n\n");
                html.append("<hr>");
            }
            text.append(body);
            html.append("<div lang=\"").append(language.getLanguage()).append("\">");
            for (String line : body.split("\n")) {
                html.append("<p>").append(linked(escape(line))).append("</p>");
            }
            if (unsubscribeUrl != null) {
                String unsubscribe = fill(texts.getString("unsubscribe"), Map.of("unsubscribeUrl", unsubscribeUrl), texts);
                text.append("\n\n").append(unsubscribe);
                html.append("<p><small>").append(linked(escape(unsubscribe))).append("</small></p>");
            }
            html.append("</div>");
        }
        html.append("</body></html>");
        return new Message(subject.toString(), text.toString(), html.toString(), unsubscribeUrl);
    }

    /** The webhook payload: {@code {"type":"incident.opened","timestamp":"...","data":{facts}}}. */
    static Message webhook(String kind, Map<String, String> facts, Instant at) {
        String type = kind.toLowerCase(Locale.ROOT).replaceFirst("_", ".");
        StringBuilder json = new StringBuilder("{\"type\":").append(quote(type))
                .append(",\"timestamp\":").append(quote(at.toString())).append(",\"data\":{");
        boolean first = true;
        for (Map.Entry<String, String> fact : facts.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            json.append(quote(fact.getKey())).append(':').append(quote(fact.getValue()));
        }
        json.append("}}");
        return new Message(type, json.toString(), null, null);
    }

    /** One text in one language ({@code key} of the bundle, facts filled in). */
    static String text(Locale language, String key, Map<String, String> facts) {
        ResourceBundle texts = bundle(language);
        return fill(texts.getString(key), facts, texts);
    }

    private static ResourceBundle bundle(Locale language) {
        // no fallback to the JVM's default locale: French is the base bundle
        return ResourceBundle.getBundle(BUNDLE, language, MessageRenderer.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Replaces {name} by the fact; {xText} and {scope} are looked up in the bundle from the facts x/scope. */
    private static String fill(String template, Map<String, String> facts, ResourceBundle texts) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value;
            String coded = name.endsWith("Text") ? name.substring(0, name.length() - 4) : null;
            if (coded != null && facts.containsKey(coded)) {
                // {xText}: the bundle's text "x.<value of fact x>" (action.SECRET_REVEALED, change.ADDED...)
                String key = coded + "." + facts.get(coded);
                value = texts.containsKey(key) ? texts.getString(key) : facts.get(coded);
            } else if (name.equals("journalPosition") && facts.containsKey("journalEntry")) {
                value = JournalPositions.marker(facts.get("journalEntry")); // the position is known after commit
            } else if (name.equals("scope") && facts.containsKey("scope")) {
                value = fill(texts.getString("scope." + facts.get("scope")), facts, texts);
            } else {
                value = facts.getOrDefault(name, "—");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Our own https links (already escaped) become anchors. */
    private static String linked(String escaped) {
        return escaped.replaceAll("(https://[^\\s<]+)", "<a href=\"$1\">$1</a>");
    }
}
