package org.techschools.quota.rest;

import java.util.ArrayList;
import java.util.List;

/**
 * Geometry of the dashboard's server-drawn SVG charts: figures in, whole-pixel coordinates out. The templates only place
 * shapes at these coordinates, so Qute escapes every label and the page needs no script or chart library.
 */
public final class DashboardCharts {

    static final int WIDTH = 640;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 20;
    private static final int BOTTOM = 28;

    private DashboardCharts() {
    }

    /** A gridline of the value axis at {@code y}. */
    public record Tick(int y, String label) {
    }

    /**
     * One year of the 五年攻坚 campaign.
     *
     * @param actual           enrollment of the year, null for a year not yet begun
     * @param cumulativeActual the campaign's enrollment up to and including this year, null for a year not yet begun
     */
    public record CampaignYear(int year, long target, Long actual, long cumulativeTarget, Long cumulativeActual) {
    }

    /**
     * A column of a burn-up: the target due by its end and the enrollment up to it (null for a period not yet begun).
     */
    public record Step(String label, long cumulativeTarget, Long cumulativeActual) {
    }

    /** A column of the burn-up: the cumulative actual as a bar, the cumulative target as a point of the target line. */
    public record Column(String label, int x, int width, int labelX, int barY, int barHeight, int valueY, int targetY,
            Long cumulativeActual, long cumulativeTarget) {
    }

    /**
     * A burn-up: cumulative actual per period (bars) against the target due by each period's end (line) and the whole
     * target (dashed line at {@code campaignY}): the campaign by year, or one year by month.
     */
    public record BurnUp(int width, int height, int left, int right, int bottom, int axisTextX, int axisTextY,
            List<Tick> ticks, List<Column> columns, String targetLine, int campaignY, int campaignTextY, String campaignLabel) {
    }

    /** One city's row of the bar chart: its target (pale), its actual (dark) and the pro-rata mark (序时进度). */
    public record Bar(String label, int y, int textY, int targetWidth, int actualY, int actualWidth, int expectedX,
            int markTop, int markBottom, String figures) {
    }

    public record Bars(int width, int height, int left, int labelX, int figuresX, int barHeight, int actualHeight,
            List<Bar> bars) {
    }

    /** The figures one bar is drawn from. */
    public record BarFigures(String label, long target, long actual, long expected) {
    }

    static BurnUp burnUp(long campaignTarget, List<Step> years) {
        int height = 280;
        int bottom = height - BOTTOM;
        long max = campaignTarget;
        for (Step y : years) {
            max = Math.max(max, Math.max(y.cumulativeTarget(), y.cumulativeActual() == null ? 0 : y.cumulativeActual()));
        }
        long step = step(max);
        long top = Math.max(step, (max + step - 1) / step * step);
        Scale scale = new Scale(top, bottom, TOP);
        List<Tick> ticks = new ArrayList<>();
        for (long v = 0; v <= top; v += step) {
            ticks.add(new Tick(scale.y(v), amount(v)));
        }
        int slot = (WIDTH - LEFT - RIGHT) / Math.max(1, years.size());
        int barWidth = Math.max(8, slot * 3 / 5);
        List<Column> columns = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < years.size(); i++) {
            Step y = years.get(i);
            int x = LEFT + i * slot + (slot - barWidth) / 2;
            int centre = x + barWidth / 2;
            long actual = y.cumulativeActual() == null ? 0 : y.cumulativeActual();
            int barY = scale.y(actual);
            int targetY = scale.y(y.cumulativeTarget());
            columns.add(new Column(y.label(), x, barWidth, centre, barY, bottom - barY, barY - 4, targetY,
                    y.cumulativeActual(), y.cumulativeTarget()));
            line.append(line.isEmpty() ? "" : " ").append(centre).append(',').append(targetY);
        }
        int campaignY = scale.y(campaignTarget);
        return new BurnUp(WIDTH, height, LEFT, WIDTH - RIGHT, bottom, LEFT - 6, bottom + 18, ticks, columns,
                line.toString(), campaignY, Math.max(12, campaignY - 4), amount(campaignTarget));
    }

    static Bars bars(List<BarFigures> figures) {
        int rowHeight = 26;
        int left = 84;
        int plotWidth = WIDTH - left - 120;
        long max = 1;
        for (BarFigures f : figures) {
            max = Math.max(max, Math.max(f.target(), f.actual()));
        }
        List<Bar> bars = new ArrayList<>();
        int barHeight = rowHeight - 10;
        for (int i = 0; i < figures.size(); i++) {
            BarFigures f = figures.get(i);
            int y = TOP + i * rowHeight;
            bars.add(new Bar(f.label(), y, y + barHeight - 4, width(f.target(), max, plotWidth), y + 4,
                    width(f.actual(), max, plotWidth), left + width(f.expected(), max, plotWidth), y - 3,
                    y + barHeight + 3, String.format("%,d / %,d", f.actual(), f.target())));
        }
        return new Bars(WIDTH, TOP + figures.size() * rowHeight + 8, left, left - 6, left + plotWidth + 8, barHeight,
                barHeight - 8, bars);
    }

    /** A round gridline step giving about five lines up to {@code max}: 1, 2 or 5 times a power of ten. */
    static long step(long max) {
        double raw = Math.max(1, max) / 5.0;
        long magnitude = Math.max(1, (long) Math.pow(10, Math.floor(Math.log10(raw))));
        for (long factor : new long[] { 1, 2, 5, 10 }) {
            if (factor * magnitude >= raw) {
                return factor * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** An axis label as an office writes amounts: 600,000 as 60万. */
    static String amount(long value) {
        if (value >= 10_000 && value % 1_000 == 0) {
            return value % 10_000 == 0 ? value / 10_000 + "万" : String.format("%.1f万", value / 10_000.0);
        }
        return String.format("%,d", value);
    }

    private static int width(long value, long max, int plotWidth) {
        return (int) Math.round((double) Math.max(0, value) * plotWidth / max);
    }

    /** Values 0..top onto pixel rows bottom..topY. */
    private record Scale(long top, int bottom, int topY) {
        int y(long value) {
            return bottom - (int) Math.round((double) value * (bottom - topY) / top);
        }
    }
}
