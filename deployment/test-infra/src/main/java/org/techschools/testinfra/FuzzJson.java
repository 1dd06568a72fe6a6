package org.techschools.testinfra;

import java.util.List;
import java.util.Map;

/**
 * JSON text as an outside fuzzer writes it: any Java string (NUL, lone surrogates) is written as a valid JSON escape,
 * and {@link Raw} fragments go out verbatim (numbers no Java type holds, deep nesting, broken syntax).
 */
final class FuzzJson {

    /** JSON text sent as it is. */
    record Raw(String json) {
    }

    private FuzzJson() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.json());
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(String.valueOf(e.getKey()), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            string(value.toString(), out);
        }
    }

    /** Control characters and every surrogate (paired or not) as backslash-u escapes: the text itself stays ASCII-safe. */
    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    /** {@code depth} arrays inside each other around a number. */
    static Raw nestedArrays(int depth) {
        return new Raw("[".repeat(depth) + "1" + "]".repeat(depth));
    }

    /** {@code depth} objects inside each other, each under key {@code a}. */
    static Raw nestedObjects(int depth) {
        return new Raw("{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
    }
}
