package org.melodist.studio.style;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;

import javafx.collections.ListChangeListener;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import org.melodist.generate.MelodyTrainer.EpochReport;
import org.melodist.studio.analysis.AnalysisCharts;

/**
 * The live loss chart of "Learn a style…": training and validation loss (NLL per step) after every epoch,
 * the validation series starting at epoch 0 with the shipped model's loss on the held-out bars, so that the
 * gain of each epoch shows. Follows the ViewModel's epochs as they come.
 */
final class LossChart {

    private final XYSeries trainSeries = new XYSeries("training", true, false);
    private final XYSeries validationSeries = new XYSeries("validation (held out)", true, false);
    private final NumberAxis epochAxis = new NumberAxis("epoch");
    private final ChartViewer viewer;

    LossChart(StyleLearningViewModel vm) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(trainSeries);
        data.addSeries(validationSeries);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < 2; i++) {
            r.setSeriesPaint(i, AnalysisCharts.seriesColour(i));
            r.setSeriesStroke(i, new BasicStroke(1.6f));
            r.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        epochAxis.setRange(0, 1);
        NumberAxis lossAxis = new NumberAxis("loss (nats per step)");
        lossAxis.setAutoRangeIncludesZero(false);
        lossAxis.setAutoRangeMinimumSize(0.05);
        XYPlot plot = new XYPlot(data, epochAxis, lossAxis, r);
        JFreeChart chart = AnalysisCharts.themed("Loss per epoch", plot, true);
        viewer = new ChartViewer(chart);
        viewer.setId("style-loss-chart");
        viewer.setPrefSize(560, 260);
        viewer.setMinHeight(150);
        vm.epochs().addListener((ListChangeListener<EpochReport>) c -> redraw(vm));
        vm.startingNllProperty().addListener((obs, o, n) -> redraw(vm));
        redraw(vm);
    }

    ChartViewer node() {
        return viewer;
    }

    private void redraw(StyleLearningViewModel vm) {
        trainSeries.clear();
        validationSeries.clear();
        double start = vm.startingNllProperty().get();
        if (Double.isFinite(start)) validationSeries.add(0, start);
        int last = 1;
        for (EpochReport e : vm.epochs()) {
            trainSeries.add(e.epoch(), e.trainNll());
            validationSeries.add(e.epoch(), e.validationNll());
            last = Math.max(last, e.epoch());
        }
        epochAxis.setRange(0, last + 0.2);
    }
}
