package org.techschools.registration.rest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.techschools.commons.paging.KeysetCursor;
import org.techschools.registration.service.AlertDisclosure.ShownAlert;
import org.techschools.registration.service.AlertDisclosure.ShownRecord;
import org.techschools.registration.domain.AlertFilter;
import org.techschools.registration.service.AlertSearch;
import org.techschools.registration.service.Visibility;
import org.techschools.commons.csv.Csv;

/**
 * The alert list as CSV for auditors' spreadsheets: one line per record an alert names (masked ID only), as the list
 * shows it to the caller (the other side of an unshared alert without the fields that name it), written page by page
 * so a large export never sits in memory. UTF-8 with a byte-order mark, or Excel garbles 张三.
 */
final class AlertCsv {

    static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    static final String HEADER = "alertId,type,severity,status,raisedAt,score,resolutionReason,schoolCode,sourceRecordId,"
            + "idNumberMasked,name,provinceCode,cityCode,evidence,shown,sharedAt,endedSoonAfterAlert";

    private AlertCsv() {
    }

    static void write(OutputStream out, AlertSearch search, AlertFilter filter, Visibility visibility) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write(Csv.BOM);
        w.write(HEADER);
        w.write("\r\n");
        AlertFilter page = filter;
        while (true) {
            AlertSearch.Page result = search.search(page, visibility);
            for (ShownAlert a : result.alerts()) {
                for (ShownRecord r : a.records()) {
                    AlertViews.RecordView view = AlertViews.RecordView.of(r);
                    w.write(Csv.line(a.id(), a.type(), a.severity(), a.status(), a.raisedAt(),
                            a.score() == null ? "" : a.score().toPlainString(), a.resolutionReason(), r.schoolCode(),
                            r.sourceRecordId(), r.idNumberMasked(), r.name(), r.provinceCode(), r.cityCode(), a.evidence(),
                            view.shown(), a.sharedAt(), view.endedSoonAfterAlert() == null ? null : view.endedSoonAfterAlert().note()));
                }
            }
            if (result.nextCursor() == null) {
                break;
            }
            page = new AlertFilter(filter.type(), filter.status(), filter.severity(), filter.province(), filter.city(),
                    filter.school(), filter.from(), filter.to(), filter.limit(), KeysetCursor.parse(result.nextCursor()));
        }
        w.flush();
    }
}
