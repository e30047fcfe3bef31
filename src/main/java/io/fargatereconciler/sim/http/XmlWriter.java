package io.fargatereconciler.sim.http;

/** A tiny XML builder for query-protocol responses; text is escaped. */
public final class XmlWriter {
    private final StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

    public XmlWriter open(String element) {
        out.append('<').append(element).append('>');
        return this;
    }

    public XmlWriter open(String element, String namespace) {
        out.append('<').append(element).append(" xmlns=\"").append(namespace).append("\">");
        return this;
    }

    public XmlWriter close(String element) {
        out.append("</").append(element).append('>');
        return this;
    }

    /** A leaf element; nothing is written for a null value. */
    public XmlWriter leaf(String element, Object value) {
        if (value != null) {
            open(element);
            escape(String.valueOf(value));
            close(element);
        }
        return this;
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#xD;");
                default -> out.append(c);
            }
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
