package org.techschools.commons.paging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * One page of row ids, newest first by {@code raised_at, id}, after a {@link KeysetCursor}: the query behind the
 * alert lists of every service. The caller loads the rows of the ids it got.
 *
 * @param ids  at most {@code limit} ids, in list order
 * @param more whether another page follows
 */
public record NewestFirstPage(List<UUID> ids, boolean more) {

    /**
     * @param table  the table, aliased {@code a} in {@code where}
     * @param where  the filters and the caller's scope, e.g. {@code a.type = :type}
     * @param params the named parameters of {@code where}
     */
    public static NewestFirstPage of(EntityManager em, String table, String where, Map<String, Object> params,
            KeysetCursor after, int limit) {
        Map<String, Object> all = new LinkedHashMap<>(params);
        StringBuilder sql = new StringBuilder("SELECT CAST(a.id AS text) FROM ").append(table).append(" a WHERE ").append(where);
        if (after != null) {
            sql.append(" AND (a.raised_at < :afterAt OR (a.raised_at = :afterAt AND a.id < :afterId))");
            all.put("afterAt", after.at());
            all.put("afterId", after.id());
        }
        sql.append(" ORDER BY a.raised_at DESC, a.id DESC");
        Query query = em.createNativeQuery(sql.toString());
        all.forEach(query::setParameter);
        // One more than asked tells whether another page follows.
        query.setMaxResults(limit + 1);
        List<UUID> ids = new ArrayList<>();
        for (Object id : query.getResultList()) {
            ids.add(UUID.fromString(id.toString()));
        }
        boolean more = ids.size() > limit;
        return new NewestFirstPage(more ? ids.subList(0, limit) : ids, more);
    }
}
