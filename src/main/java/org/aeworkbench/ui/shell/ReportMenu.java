package org.aeworkbench.ui.shell;

import java.io.File;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.aeworkbench.analysis.AutoencoderCodec;
import org.aeworkbench.analysis.CodecOutputs;
import org.aeworkbench.analysis.Comparison;
import org.aeworkbench.analysis.PcaBaseline;
import org.aeworkbench.data.Dataset;
import org.aeworkbench.engine.blas.Compute;
import org.aeworkbench.engine.model.Autoencoder;
import org.aeworkbench.engine.model.ModelSpec;
import org.aeworkbench.engine.tensor.Shape;
import org.aeworkbench.report.html.ReportInput;
import org.aeworkbench.report.html.ReportPage;
import org.aeworkbench.report.html.WorkbenchReport;
import org.aeworkbench.report.runs.RunData;
import org.aeworkbench.report.runs.RunEpoch;
import org.aeworkbench.report.runs.RunRecord;
import org.aeworkbench.ui.common.ErrorDialog;
import org.aeworkbench.ui.common.FileDialogs;
import org.aeworkbench.ui.dataset.PreparedData;
import org.aeworkbench.ui.run.TrainedModel;
import org.aeworkbench.ui.runs.RunRecords;
import org.aeworkbench.ui.workbench.WorkbenchModel;

/**
 * File > Export report: one self-contained HTML page of the window's state. The window freezes
 * what it shows on the FX thread (the design, the trained weights and the data they were trained
 * on, the curves, the runs); the autoencoder and PCA are then scored on the held-out samples and
 * the page written in the background, as {@code compare} scores them.
 */
final class ReportMenu {

    /** The runs overlaid when none is selected: the newest few, so the chart stays legible. */
    static final int OVERLAID_BY_DEFAULT = 4;

    private final WorkbenchModel wb;
    private final Stage stage;

    ReportMenu(WorkbenchModel wb, Stage stage) {
        this.wb = wb;
        this.stage = stage;
    }

    void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export report");
        chooser.setInitialFileName(wb.design().spec().name() + "-report.html");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Web page", "*.html"));
        File f = FileDialogs.current().showSave(chooser, stage);
        if (f != null) {
            exportTo(f.toPath(), p -> { }, msg -> ErrorDialog.show(stage, "Could not export the report", msg, null));
        }
    }

    /** Writes the report to {@code file} in the background; {@code done} or {@code failed} run on the FX thread. */
    void exportTo(Path file, Consumer<Path> done, Consumer<String> failed) {
        Frozen frozen = freeze();
        wb.jobs().run("Writing the report " + file.getFileName(), () -> {
            ReportPage.write(file, WorkbenchReport.content(frozen.input(wb.inference())));
            return file;
        }, done, msg -> failed.accept(file + ": " + msg), null);
    }

    /** The window's state as the report needs it, taken on the FX thread. */
    private Frozen freeze() {
        ModelSpec spec = wb.design().spec();
        TrainedModel model = wb.training().model();
        PreparedData data = model != null ? model.data() : wb.data().current();
        List<RunRecord> runs = wb.runs().list();
        List<RunRecord> selected = List.copyOf(wb.runs().selection());
        List<RunRecord> overlaid = !selected.isEmpty() ? selected : runs.subList(Math.max(0, runs.size() - OVERLAID_BY_DEFAULT), runs.size());
        List<RunEpoch> epochs = model == null ? List.of() : RunRecords.epochs(wb.training().history().epochs());
        String title = wb.project().file() == null ? spec.name() : wb.project().file().getFileName().toString();
        return new Frozen(title, LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), spec,
                wb.design().inputShape(), data, wb.training().backendProperty().get(), epochs, model, runs, overlaid);
    }

    /** What {@link #freeze()} took; {@link #input} scores the model off the FX thread. */
    private record Frozen(String title, String created, ModelSpec spec, Shape shape, PreparedData data, String blas,
                          List<RunEpoch> epochs, TrainedModel model, List<RunRecord> runs, List<RunRecord> overlaid) {

        ReportInput input(Compute compute) {
            ModelSpec trained = model == null ? null : model.weights().spec();
            ModelSpec settings = trained != null ? trained : spec;
            RunData runData = data == null ? null : RunRecords.data(data, settings.training());
            Comparison comparison = null;
            CodecOutputs ae = null;
            CodecOutputs pca = null;
            Dataset test = null;
            String scoredOn = "";
            if (model != null) {
                PreparedData.TrainSplit split = data.split(settings.training().validationFraction(), settings.training().seed());
                Dataset train = split.train();
                boolean heldOut = split.validation().samples() > 0;
                test = heldOut ? split.validation() : train;
                scoredOn = String.format(java.util.Locale.ROOT, heldOut ? "%,d validation samples" : "%,d training samples"
                        + " (the design holds none out)", test.samples());
                Autoencoder m = model.weights().build();
                ae = CodecOutputs.of("autoencoder", new AutoencoderCodec(m, compute), train, test, 0);
                if (PcaBaseline.canFit(train, m.codeSize())) {
                    Comparison.Settings s = Comparison.Settings.defaults();
                    PcaBaseline baseline = PcaBaseline.fit(train, test, m.codeSize(), s.threads());
                    pca = baseline.outputs();
                    comparison = Comparison.of(ae, baseline, train, test, s);
                }
            }
            return new ReportInput(title, created, spec, shape, runData, blas, epochs, trained, comparison, ae, pca, test,
                    scoredOn, runs, overlaid);
        }
    }
}
