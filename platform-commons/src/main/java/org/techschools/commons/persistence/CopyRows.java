package org.techschools.commons.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows written with {@code COPY ... FROM STDIN} in text format on the caller's connection, so inside its transaction.
 * For the thousand new records of a batch push, a multi-row INSERT cost the driver most of the push's own CPU in
 * binding its 29,000 parameters, and PostgreSQL more than COPY's buffered heap inserts. Values are written as their
 * text form ({@code toString()}: UUIDs, numbers, ISO dates and instants, enum names); null is {@code \N}.
 */
public final class CopyRows {

    private final StringBuilder text = new StringBuilder(64 * 1024);
    private boolean rowOpen;
    private int rows;

    public CopyRows value(Object value) {
        separate();
        if (value == null) {
            text.append("\\N");
        } else {
            escape(value.toString());
        }
        return this;
    }

    /** A bytea value in PostgreSQL's hex form. */
    public CopyRows bytes(byte[] value) {
        separate();
        if (value == null) {
            text.append("\\N");
        } else {
            // \x... is bytea's hex input; COPY's own escaping doubles the backslash.
            text.append("\\\\x").append(HexFormat.of().formatHex(value));
        }
        return this;
    }

    public CopyRows endRow() {
        text.append('\n');
        rowOpen = false;
        rows++;
        return this;
    }

    /**
     * @param target the table and its columns in the order of the values, e.g. {@code outbox_event (event_id, topic)}
     * @throws SQLException as an INSERT would raise it (a unique-key collision is SQL state 23505)
     */
    public void copyInto(Connection connection, String target) throws SQLException {
        if (rows == 0) {
            return;
        }
        // Encoded in one go: the driver's Reader variant encodes it a buffer at a time, at several times the cost.
        byte[] data = text.toString().getBytes(StandardCharsets.UTF_8);
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + target + " FROM STDIN");
        try {
            copy.writeToCopy(data, 0, data.length);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static boolean needsEscaping(String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r') {
                return true;
            }
        }
        return false;
    }

    private void separate() {
        if (rowOpen) {
            text.append('\t');
        }
        rowOpen = true;
    }

    private void escape(String value) {
        if (!needsEscaping(value)) {
            // Nearly every value, envelopes included: one bulk append instead of one per character.
            text.append(value);
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(ch);
            }
        }
    }
}
