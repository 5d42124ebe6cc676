package org.melodist.studio.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.awt.image.BufferedImage;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYDataImageAnnotation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

class AnalysisChartsTest {

    @Test
    void envelopeKeepsThePeaksOfEachBucket() {
        float[] s = new float[1000];
        s[10] = 0.9f;
        s[20] = -0.5f;
        s[990] = -1f;
        float[][] env = AnalysisCharts.envelope(s, 10);
        assertEquals(10, env[0].length);
        assertEquals(0.9f, env[1][0]);
        assertEquals(-0.5f, env[0][0]);
        assertEquals(-1f, env[0][9]);
        assertEquals(0f, env[1][5]);
    }

    @Test
    void aTenMinuteRecordingIsReducedToAFewThousandPoints() {
        double hop = 512 / 22050.0;
        int frames = (int) (600 / hop); // ten minutes of frames
        double[] centroid = new double[frames];
        for (int i = 0; i < frames; i++) centroid[i] = 1000 + (i % 100);
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("centroid", centroid);
        series.put("rolloff", centroid.clone());
        JFreeChart chart = AnalysisCharts.overTime("Spectral shape", "Hz", hop, series);
        XYDataset data = chart.getXYPlot().getDataset();
        assertEquals(2, data.getSeriesCount());
        assertEquals(AnalysisCharts.MAX_POINTS, data.getItemCount(0));
        double mean = 0;
        for (int i = 0; i < data.getItemCount(0); i++) mean += data.getYValue(0, i);
        assertEquals(1049.5, mean / data.getItemCount(0), 1.0, "bucket averages keep the mean");
        assertTrue(data.getXValue(0, data.getItemCount(0) - 1) <= 600.1);

        double[][] chroma = new double[12][frames];
        chroma[9][0] = 1;
        JFreeChart heat = AnalysisCharts.heatMap("Chroma", chroma, hop, true);
        XYPlot plot = heat.getXYPlot();
        XYDataImageAnnotation image = (XYDataImageAnnotation) plot.getAnnotations().get(0);
        BufferedImage pixels = (BufferedImage) image.getImage();
        assertEquals(AnalysisCharts.MAX_COLUMNS, pixels.getWidth(), "one column per bucket");
        assertEquals(12 * AnalysisCharts.ROW_PIXELS, pixels.getHeight());
        assertEquals(600, image.getWidth(), 0.1, "the image spans the ten minutes");
        // row 9 (A) of the first column holds the only non-zero value: the brightest pixel, A drawn third from the top
        int a = pixels.getRGB(0, 2 * AnalysisCharts.ROW_PIXELS + 1);
        int c = pixels.getRGB(0, 11 * AnalysisCharts.ROW_PIXELS + 1);
        assertTrue(brightness(a) > brightness(c) + 100, "A is bright, C dark");
        assertEquals(c, pixels.getRGB(5, 2 * AnalysisCharts.ROW_PIXELS + 1), "later columns are all at the minimum");
    }

    @Test
    void mfccRowsCanBeScaledEachOnItsOwn() {
        double[][] rows = {{-400, -300, -400, -300}, {1, 2, 1, 2}};
        BufferedImage global = image(AnalysisCharts.heatMap("MFCC", rows, 0.1, false, false));
        BufferedImage perRow = image(AnalysisCharts.heatMap("MFCC", rows, 0.1, false, true));
        int row1 = 1; // image rows run top down: data row 1 is on top
        assertTrue(Math.abs(brightness(global.getRGB(0, row1)) - brightness(global.getRGB(1, row1))) < 20,
                "on one scale, 1 and 2 look alike next to -400");
        assertTrue(brightness(perRow.getRGB(1, row1)) > brightness(perRow.getRGB(0, row1)) + 100,
                "scaled on its own, the row's 2 is bright and its 1 dark");
    }

    @Test
    void mfccRowsAreNumberedFromOneAsInTheExportNames() {
        double[][] rows = new double[20][8];
        JFreeChart mfcc = AnalysisCharts.heatMap("MFCC", rows, 0.1, false, true);
        assertEquals(0.5, mfcc.getXYPlot().getRangeAxis().getLowerBound(), 1e-9);
        assertEquals(20.5, mfcc.getXYPlot().getRangeAxis().getUpperBound(), 1e-9);
        XYDataImageAnnotation img = (XYDataImageAnnotation) mfcc.getXYPlot().getAnnotations().get(0);
        assertEquals(0.5, img.getY(), 1e-9, "row 1 (mfcc1) is drawn at 1 on the axis");
        JFreeChart chroma = AnalysisCharts.heatMap("Chroma", new double[12][8], 0.1, true);
        assertEquals(-0.5, chroma.getXYPlot().getRangeAxis().getLowerBound(), 1e-9, "pitch classes stay symbols from C");
    }

    private static BufferedImage image(JFreeChart chart) {
        return (BufferedImage) ((XYDataImageAnnotation) chart.getXYPlot().getAnnotations().get(0)).getImage();
    }

    private static int brightness(int rgb) {
        return ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
    }

    @Test
    void genreChartsListEveryGenre() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("jazz", 0.6);
        p.put("rock", 0.3);
        p.put("pop", 0.1);
        JFreeChart bars = AnalysisCharts.genreBars(p);
        assertEquals(3, bars.getCategoryPlot().getDataset().getColumnCount());
        assertEquals("jazz", bars.getCategoryPlot().getDataset().getColumnKey(0));
        JFreeChart time = AnalysisCharts.genreOverTime(List.of(p, p), 30);
        assertEquals(3, time.getXYPlot().getDataset().getSeriesCount());
    }
}
