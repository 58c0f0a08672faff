package org.aeworkbench.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.aeworkbench.engine.io.ModelFile;
import org.aeworkbench.engine.model.Autoencoder;

/**
 * A trained model as the commands that apply one see it: the network from its model file and the
 * preparation its training data went through, which every set it is applied to goes through too,
 * so a model trained on bytes is evaluated on bytes correctly.
 *
 * @param model       the network with its trained weights
 * @param preparation the recorded preparation ("none" for files written before it was recorded),
 *                    its reason naming the file
 * @param recorded    whether the file records its preparation (files written before it was
 *                    recorded do not, and the user may then say how to scale)
 * @param info        the free-form information saved with the model (training history, data)
 * @param file        where it was read from
 */
public record TrainedModel(Autoencoder model, Preparation preparation, boolean recorded, JsonNode info, Path file) {

    /**
     * Reads a model file and its preparation record.
     *
     * @throws org.aeworkbench.engine.model.SpecException for a file that is not a model or is damaged
     * @throws DataException for a damaged preparation record
     */
    public static TrainedModel load(Path file) throws IOException {
        ModelFile.Loaded loaded = ModelFile.load(file);
        Preparation recorded = Preparation.fromJson(loaded.preparation(), file.toString());
        String name = file.getFileName().toString();
        boolean present = !loaded.preparation().isMissingNode();
        return new TrainedModel(loaded.model(), recorded.because("recorded in " + name + ": " + recorded.reason()),
                present, loaded.info(), file);
    }

    /** Values per sample the model takes. */
    public int inputWidth() {
        return model.inputShape().size();
    }

    /**
     * The preparation to apply: the recorded one, or for a file that records none, {@code choice}
     * fitted on {@code train} (the user's word on how it was trained).
     */
    public Preparation preparationFor(ScaleChoice choice, Dataset train) {
        return recorded || choice == ScaleChoice.AUTO ? preparation
                : Preparation.fit(choice, train, model.spec().loss());
    }

    /**
     * {@code raw} prepared as the training data was.
     *
     * @param where the data's name as the user gave it (a file or a bundled set), for messages
     * @throws DataException when the widths differ, naming both widths and both files
     */
    public Dataset prepare(Dataset raw, String where) {
        checkWidth(raw, where);
        return preparation.apply(raw);
    }

    /** @throws DataException when {@code raw}'s width differs from the model's, naming both widths and both files */
    public void checkWidth(Dataset raw, String where) {
        if (raw.features() != inputWidth()) {
            throw new DataException(where + ": " + raw.features() + " values per sample (shape " + raw.sampleShape()
                    + "), but the model " + file + " takes " + inputWidth() + " (shape " + model.inputShape()
                    + "); give data of the shape the model was trained on");
        }
    }

    /**
     * A warning when {@code raw} looks to be in other units than the training data, or null: data
     * in [0, 1] for a model that divides by 255, or bytes for a model that records no scaling.
     */
    public String unitsWarning(Dataset raw, String where) {
        String name = file.getFileName().toString();
        if (preparation.scaling() == Scaling.DIVIDE_255 && !raw.unsignedBytes() && raw.inUnitInterval()) {
            return "note: " + where + " holds values in [0, 1], but " + name + " divides by 255 as its training"
                    + " data needed; give the data in the units it was trained on (bytes 0-255)";
        }
        if (preparation.scaling() == Scaling.NONE && raw.unsignedBytes() && !raw.inUnitInterval()) {
            return "note: " + where + " holds bytes 0-255 and " + name + " applies no scaling; if it was trained on"
                    + " values in [0, 1], its figures on these bytes are meaningless";
        }
        return null;
    }
}
