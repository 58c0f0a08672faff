package org.aeworkbench.cli;

import org.aeworkbench.data.BadParameterException;
import org.aeworkbench.data.ScaleChoice;
import picocli.CommandLine;

/** Reads {@code --scale}; an unknown name is a usage error listing the choices. */
final class ScaleChoiceConverter implements CommandLine.ITypeConverter<ScaleChoice> {

    @Override
    public ScaleChoice convert(String value) {
        try {
            return ScaleChoice.parse(value);
        } catch (BadParameterException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
