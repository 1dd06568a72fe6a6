package org.techschools.registration.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.techschools.commons.paging.KeysetCursor;
import org.techschools.commons.security.CallerScope;
import org.techschools.registration.domain.RollEntry;
import org.techschools.registration.domain.RollFilter;
import org.techschools.registration.domain.RollQueries;

/**
 * 学籍名册: the 学籍 in the caller's scope (a school its own, a city office its city, a province its province, an auditor
 * its region, the national office all), filtered and read page by page in registration order, so that a school system
 * can reconcile its roll. The person shows only by name and masked ID, as on every other 学籍 view.
 */
@ApplicationScoped
public class RegistrationRoll {

    /**
     * The caller's narrowest limit, read on the request (a CSV export is written after it): a school token names no
     * region, a city office's names its city. All null for the national office and a national auditor.
     */
    public record Scope(String school, String city, String province) {

        public static Scope of(CallerScope caller) {
            return new Scope(caller.schoolLimit(), caller.cityLimit(), caller.provinceLimit());
        }
    }

    /** @param nextCursor the cursor of the next page; null on the last */
    public record Page(List<RollEntry> entries, KeysetCursor nextCursor) {
    }

    @Transactional
    public Page page(RollFilter filter, Scope scope) {
        // One more than asked tells whether another page follows.
        List<RollEntry> found = RollQueries.entries(filter, scope.school(), scope.city(), scope.province(), filter.limit() + 1);
        if (found.size() <= filter.limit()) {
            return new Page(found, null);
        }
        List<RollEntry> page = found.subList(0, filter.limit());
        RollEntry last = page.get(page.size() - 1);
        return new Page(page, new KeysetCursor(last.registeredAt(), last.id()));
    }
}
