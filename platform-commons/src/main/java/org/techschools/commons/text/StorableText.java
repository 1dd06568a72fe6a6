package org.techschools.commons.text;

/**
 * Text the platform can keep: PostgreSQL refuses NUL in text, and half of a surrogate pair has no UTF-8 form (the
 * driver would store a '?'). Such input is refused with 400 naming the field and {@link #RULE}.
 */
public final class StorableText {

    public static final String RULE = "invalid-character";
    public static final String MESSAGE = "holds a NUL character or half of a surrogate pair";

    private StorableText() {
    }

    public static boolean isStorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }
}
