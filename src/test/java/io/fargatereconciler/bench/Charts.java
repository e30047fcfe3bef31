package io.fargatereconciler.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The report's PNG charts, drawn headless with JFreeChart. */
final class Charts {
    private static final int WIDTH = 960;
    private static final int HEIGHT = 520;
    private static final Color[] PALETTE = {new Color(0xD62728), new Color(0x1F77B4), new Color(0x2CA02C),
        new Color(0xFF7F0E), new Color(0x9467BD)};

    private Charts() {
    }

    /** RUNNING copies over time per strategy, with the desired count and the launch-rate lower bound marked. */
    static void massFailure(BenchmarkResults.MassFailure mass, Path png) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (MassFailureScenario.Result result : mass.results()) {
            XYSeries series = new XYSeries(result.strategy());
            result.timeline().forEach(p -> series.add(minutes(p.at()), p.running()));
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Mass failure: copies RUNNING (desired "
                        + mass.settings().copies() + ")", "minutes since the failure", "RUNNING copies", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.addRangeMarker(marker(mass.settings().copies(), "desired", false));
        plot.addDomainMarker(marker(minutes(mass.accountBound()), "launch-rate lower bound", true));
        save(chart, png);
    }

    /** Share of a day's job runs started within a delay, per strategy (a step CDF). */
    static void jobStartDelays(List<JobsDayScenario.Result> results, Path png) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (JobsDayScenario.Result result : results) {
            XYSeries series = new XYSeries(result.strategy());
            List<Duration> delays = result.startDelays();
            int runs = result.runs().size();
            series.add(0, 0);
            for (int i = 0; i < delays.size(); i++) {
                series.add(minutes(delays.get(i)), 100.0 * (i + 1) / runs);
            }
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Jobs for a day: share of runs started within a delay",
                "minutes from scheduled time to RUNNING", "% of scheduled runs", data, PlotOrientation.VERTICAL, true,
                false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(new XYStepRenderer());
        plot.addDomainMarker(marker(5, "5 min (p99 target)", true));
        save(chart, png);
    }

    /** A dashed line with its label beside it: to the right of a vertical line, above a horizontal one. */
    private static ValueMarker marker(double value, String label, boolean vertical) {
        ValueMarker marker = new ValueMarker(value, Color.GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        marker.setLabel(label);
        marker.setLabelAnchor(vertical ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(vertical ? TextAnchor.TOP_LEFT : TextAnchor.BOTTOM_LEFT);
        return marker;
    }

    private static double minutes(Duration d) {
        return d.toMillis() / 60_000.0;
    }

    private static void save(JFreeChart chart, Path png) throws IOException {
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        for (int series = 0; series < plot.getDataset().getSeriesCount(); series++) {
            plot.getRenderer().setSeriesPaint(series, PALETTE[series % PALETTE.length]);
            plot.getRenderer().setSeriesStroke(series, new BasicStroke(2f));
        }
        Files.createDirectories(png.getParent());
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    }
}
