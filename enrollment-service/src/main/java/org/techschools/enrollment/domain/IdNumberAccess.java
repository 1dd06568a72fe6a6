package org.techschools.enrollment.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.techschools.commons.persistence.PlainSql;

/**
 * 身份证号查看记录: one reveal of a full ID number — who (token name), in which role, when, why, and of which
 * record. Written in the same transaction as the reveal; never updated or deleted (the database refuses both), and
 * chained to the row before by its hash, so a change made behind the service's back shows.
 */
@Entity
@Table(name = "id_number_access")
public class IdNumberAccess extends PanacheEntityBase {

    /** First key of the advisory lock that serialises appends (RevealLimitAlert uses 8; the relay a single-key lock). */
    private static final int CHAIN_LOCK_SPACE = 9;

    @Id
    public UUID id;

    @Column(name = "enrollment_id", nullable = false)
    public UUID enrollmentId;

    @Column(name = "school_code", nullable = false)
    public String schoolCode;

    /** The record's province: a province office sees the reveals of its own records. */
    @Column(name = "province_code", nullable = false)
    public String provinceCode;

    @Column(name = "accessed_by", nullable = false)
    public String accessedBy;

    @Column(nullable = false)
    public String role;

    @Column(name = "accessed_at", nullable = false)
    public Instant accessedAt;

    @Column(nullable = false)
    public String reason;

    /** Position in the hash chain, from 1, without gaps. */
    @Column(nullable = false)
    public long seq;

    /** The previous row's {@link #rowHash} (64 zeros for the first row). */
    @Column(name = "previous_hash", nullable = false)
    public String previousHash;

    /** SHA-256 (hex) of {@link #canonical()}: changing any field, or the row before, breaks the chain here. */
    @Column(name = "row_hash", nullable = false)
    public String rowHash;

    /**
     * The row as its hash covers it: every field as its UTF-8 byte length, ':', the value and a line feed (so no value
     * can pass for two), the time in microseconds since the epoch (what PostgreSQL keeps). The migration that chained
     * the rows written before it (V7) builds the same text in SQL.
     */
    public String canonical() {
        StringBuilder out = new StringBuilder();
        for (String value : List.of(Long.toString(seq), id.toString(), enrollmentId.toString(), schoolCode, provinceCode,
                accessedBy, role, Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, accessedAt)), reason, previousHash)) {
            out.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value).append('\n');
        }
        return out.toString();
    }

    /**
     * Serialises appends to the hash chain until the caller's transaction ends, so two reveals at once cannot both chain
     * to the same head.
     */
    public static void lockChain() {
        PlainSql.list("SELECT count(pg_advisory_xact_lock(?, 0))", row -> row.getLong(1), CHAIN_LOCK_SPACE);
    }

    public String computeHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
