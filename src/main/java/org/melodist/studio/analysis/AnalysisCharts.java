package org.melodist.studio.analysis;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYDataImageAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import org.melodist.song.PitchNames;

/**
 * Builds the analysis tab's charts from plain arrays, reduced to at most a few thousand points first so
 * that a ten-minute recording draws as fast as a ten-second one. Dark colours match the studio theme.
 */
public final class AnalysisCharts {

    /** Most points a line series is given; longer series are averaged down in buckets. */
    public static final int MAX_POINTS = 2000;
    /** Most time columns of a heat map. */
    public static final int MAX_COLUMNS = 600;
    /** Pixel rows per heat-map row in its image. */
    static final int ROW_PIXELS = 8;

    static final Color BACKGROUND = new Color(0x1b, 0x1c, 0x20);
    static final Color PLOT = new Color(0x22, 0x24, 0x29);
    static final Color GRID = new Color(0x3a, 0x3d, 0x44);
    static final Color TEXT = new Color(0xc9, 0xcc, 0xd3);
    static final Color BEAT = new Color(255, 184, 77, 130);
    static final Color[] SERIES = {new Color(0x4f, 0xa3, 0xff), new Color(0xff, 0xb8, 0x4d), new Color(0x57, 0xd3, 0x8c),
        new Color(0xff, 0x5c, 0x5c), new Color(0xb5, 0x8c, 0xff), new Color(0x5c, 0xe1, 0xe6), new Color(0xe6, 0x8a, 0xc9),
        new Color(0xc9, 0xc9, 0x5c), new Color(0x9a, 0xa3, 0xb5), new Color(0xff, 0x8f, 0x5c)};
    private static final String[] PITCH_CLASSES = java.util.stream.IntStream.range(0, 12)
            .mapToObj(PitchNames::pitchClassName).toArray(String[]::new);

    private AnalysisCharts() {
    }

    /** Min/max envelope of the samples in {@code buckets} columns: [0] minima, [1] maxima. */
    public static float[][] envelope(float[] samples, int buckets) {
        int n = Math.max(1, Math.min(buckets, samples.length));
        float[][] env = new float[2][n];
        for (int b = 0; b < n; b++) {
            int from = (int) ((long) samples.length * b / n);
            int to = (int) Math.max(from + 1, (long) samples.length * (b + 1) / n);
            float lo = 0;
            float hi = 0;
            for (int i = from; i < to && i < samples.length; i++) {
                lo = Math.min(lo, samples[i]);
                hi = Math.max(hi, samples[i]);
            }
            env[0][b] = lo;
            env[1][b] = hi;
        }
        return env;
    }

    /** The waveform overview (from an {@link #envelope}) with a line on every beat (dataset 1, three points a beat). */
    public static JFreeChart waveform(float[][] envelope, double durationSeconds, double[] beats) {
        XYSeries hi = new XYSeries("max", false, true);
        XYSeries lo = new XYSeries("min", false, true);
        int n = envelope[0].length;
        for (int b = 0; b < n; b++) {
            double t = durationSeconds * (b + 0.5) / n;
            hi.add(t, envelope[1][b]);
            lo.add(t, envelope[0][b]);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(hi);
        data.addSeries(lo);
        XYAreaRenderer r = new XYAreaRenderer(XYAreaRenderer.AREA);
        r.setSeriesPaint(0, SERIES[0]);
        r.setSeriesPaint(1, SERIES[0]);
        XYPlot plot = new XYPlot(data, timeAxis(durationSeconds), new NumberAxis("amplitude"), r);
        ((NumberAxis) plot.getRangeAxis()).setRange(-1, 1);
        // the beats as one path of vertical strokes (NaN breaks the path between them) rather than one marker
        // each: a ten-minute song has over a thousand beats, and a marker apiece made each repaint 3x slower
        XYSeries beatLines = new XYSeries("beats", false, true);
        for (double beat : beats) {
            beatLines.add(beat, -1);
            beatLines.add(beat, 1);
            beatLines.add(beat, Double.NaN);
        }
        XYLineAndShapeRenderer beatRenderer = new XYLineAndShapeRenderer(true, false);
        beatRenderer.setDrawSeriesLineAsPath(true);
        beatRenderer.setSeriesPaint(0, BEAT);
        beatRenderer.setSeriesStroke(0, new BasicStroke(1f));
        plot.setDataset(1, new XYSeriesCollection(beatLines));
        plot.setRenderer(1, beatRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        return chart("Waveform and beats", plot, false);
    }

    /** Several series over time (e.g. centroid, rolloff and bandwidth in Hz), one colour each. */
    public static JFreeChart overTime(String title, String unit, double hopSeconds, Map<String, double[]> series) {
        XYSeriesCollection data = new XYSeriesCollection();
        double duration = 0;
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            double[] v = e.getValue();
            duration = Math.max(duration, v.length * hopSeconds);
            XYSeries s = new XYSeries(e.getKey(), false, true);
            int points = Math.min(MAX_POINTS, v.length);
            for (int p = 0; p < points; p++) {
                int from = (int) ((long) v.length * p / points);
                int to = (int) Math.max(from + 1, (long) v.length * (p + 1) / points);
                double sum = 0;
                for (int i = from; i < to; i++) sum += v[i];
                s.add(hopSeconds * (from + to) / 2.0, sum / (to - from));
            }
            data.addSeries(s);
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(true); // one path per series: about half the repaint time of 2,000 segments
        for (int i = 0; i < series.size(); i++) {
            r.setSeriesPaint(i, SERIES[i % SERIES.length]);
            r.setSeriesStroke(i, new BasicStroke(1.2f));
        }
        XYPlot plot = new XYPlot(data, timeAxis(duration), new NumberAxis(unit), r);
        return chart(title, plot, series.size() > 1);
    }

    /** A heat map of rows over time (chroma: 12 pitch classes; MFCC: coefficients), values scaled to 0..1 per chart. */
    public static JFreeChart heatMap(String title, double[][] rows, double hopSeconds, boolean pitchClassRows) {
        return heatMap(title, rows, hopSeconds, pitchClassRows, false);
    }

    /**
     * A heat map with each row scaled to 0..1 on its own when {@code scalePerRow}: MFCC rows differ by orders of
     * magnitude (the first is the overall loudness), so one scale for all would show the first row and a flat
     * field; per row, each coefficient's changes over time show.
     */
    public static JFreeChart heatMap(String title, double[][] rows, double hopSeconds, boolean pitchClassRows,
                                     boolean scalePerRow) {
        int frames = rows.length == 0 ? 0 : rows[0].length;
        int cols = Math.max(1, Math.min(MAX_COLUMNS, frames));
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double[][] reduced = new double[rows.length][cols];
        double[] rowMin = new double[rows.length];
        double[] rowMax = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            rowMin[r] = Double.POSITIVE_INFINITY;
            rowMax[r] = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < cols; c++) {
                int from = (int) ((long) frames * c / cols);
                int to = (int) Math.max(from + 1, (long) frames * (c + 1) / cols);
                double sum = 0;
                int count = 0;
                for (int i = from; i < to && i < frames; i++) {
                    sum += rows[r][i];
                    count++;
                }
                double v = count == 0 ? 0 : sum / count;
                reduced[r][c] = v;
                rowMin[r] = Math.min(rowMin[r], v);
                rowMax[r] = Math.max(rowMax[r], v);
            }
            min = Math.min(min, rowMin[r]);
            max = Math.max(max, rowMax[r]);
        }
        // One image, not one block per cell: 20 rows x 600 columns drawn as rectangles cost a few hundred ms
        // per repaint, the image a few. Each row is ROW_PIXELS tall so that the smoothing of the scaled image
        // blurs only the edges between rows; row 0 is at the bottom, as on the axis.
        BufferedImage image = new BufferedImage(cols, Math.max(1, rows.length * ROW_PIXELS), BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < rows.length; r++) {
            double lo = scalePerRow ? rowMin[r] : min;
            double hi = scalePerRow ? rowMax[r] : max;
            for (int c = 0; c < cols; c++) {
                double v = hi > lo ? (reduced[r][c] - lo) / (hi - lo) : 0;
                int rgb = HEAT[(int) Math.round(v * (HEAT.length - 1))];
                int top = (rows.length - 1 - r) * ROW_PIXELS;
                for (int y = 0; y < ROW_PIXELS; y++) image.setRGB(c, top + y, rgb);
            }
        }
        double duration = frames * hopSeconds;
        ValueAxis yAxis;
        // coefficients are numbered from 1, as in the CSV/JSON names mfcc1..mfcc20; pitch classes are symbols
        double first;
        if (pitchClassRows && rows.length == 12) {
            yAxis = new SymbolAxis("pitch class", PITCH_CLASSES);
            first = 0;
        } else {
            NumberAxis ny = new NumberAxis("coefficient");
            ny.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            yAxis = ny;
            first = 1;
        }
        yAxis.setRange(first - 0.5, first + rows.length - 0.5);
        XYPlot plot = new XYPlot(new DefaultXYDataset(), timeAxis(duration), yAxis, new XYLineAndShapeRenderer(false, false));
        plot.addAnnotation(new XYDataImageAnnotation(image, 0, first - 0.5, Math.max(0.001, duration), rows.length, false));
        return chart(title, plot, false);
    }

    /** Genre probabilities as horizontal bars, most likely first. */
    public static JFreeChart genreBars(Map<String, Double> probabilities) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        probabilities.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .forEach(e -> data.addValue(e.getValue() * 100, "probability", e.getKey()));
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, SERIES[0]);
        NumberAxis value = new NumberAxis("%");
        value.setRange(0, 100);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(), value, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        JFreeChart chart = new JFreeChart("Genre", titleFont(), plot, false);
        style(chart);
        plot.setBackgroundPaint(PLOT);
        plot.setRangeGridlinePaint(GRID);
        styleAxis(plot.getDomainAxis());
        styleAxis(value);
        return chart;
    }

    /** Genre probabilities per window over time, one line per genre. */
    public static JFreeChart genreOverTime(List<Map<String, Double>> windows, double windowSeconds) {
        XYSeriesCollection data = new XYSeriesCollection();
        if (!windows.isEmpty()) {
            for (String genre : windows.get(0).keySet()) {
                XYSeries s = new XYSeries(genre, false, true);
                for (int w = 0; w < windows.size(); w++) {
                    s.add((w + 0.5) * windowSeconds, windows.get(w).getOrDefault(genre, 0.0) * 100);
                }
                data.addSeries(s);
            }
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) r.setSeriesPaint(i, SERIES[i % SERIES.length]);
        NumberAxis pct = new NumberAxis("%");
        pct.setRange(0, 100);
        XYPlot plot = new XYPlot(data, timeAxis(windows.size() * windowSeconds), pct, r);
        return chart("Genre over time", plot, true);
    }

    private static NumberAxis timeAxis(double duration) {
        NumberAxis x = new NumberAxis("seconds");
        x.setRange(0, Math.max(0.001, duration));
        return x;
    }

    /** {@code plot} in a chart with the studio's dark theme (for charts outside the analysis tab, e.g. a loss chart). */
    public static JFreeChart themed(String title, XYPlot plot, boolean legend) {
        return chart(title, plot, legend);
    }

    /** The theme's colour for series {@code i}. */
    public static Color seriesColour(int i) {
        return SERIES[Math.floorMod(i, SERIES.length)];
    }

    private static JFreeChart chart(String title, XYPlot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, titleFont(), plot, legend);
        style(chart);
        plot.setBackgroundPaint(PLOT);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        styleAxis(plot.getDomainAxis());
        styleAxis(plot.getRangeAxis());
        return chart;
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(BACKGROUND);
        chart.getTitle().setPaint(TEXT);
        chart.setAntiAlias(true);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setBackgroundPaint(BACKGROUND);
            legend.setItemPaint(TEXT);
        }
    }

    private static void styleAxis(org.jfree.chart.axis.Axis axis) {
        axis.setLabelPaint(TEXT);
        axis.setTickLabelPaint(TEXT);
        axis.setAxisLinePaint(GRID);
        axis.setTickMarkPaint(GRID);
        axis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    }

    private static Font titleFont() {
        return new Font(Font.SANS_SERIF, Font.BOLD, 12);
    }

    /** Heat map colours for 0..1 in 256 steps. */
    private static final int[] HEAT = new int[256];

    static {
        for (int i = 0; i < HEAT.length; i++) HEAT[i] = heat(i / (HEAT.length - 1.0)).getRGB();
    }

    /** Dark blue through orange to white, for heat maps. */
    private static Color heat(double v) {
        float h = (float) (0.66 - 0.58 * v);
        float b = (float) (0.25 + 0.75 * v);
        float s = (float) (1 - 0.5 * Math.max(0, v - 0.8) / 0.2);
        return Color.getHSBColor(h, s, b);
    }
}
