/**
 * Hands a design and its weights to other engines: PyTorch source code and weights
 * ({@code export pytorch}, and {@code import pytorch} for the weights trained there), ONNX
 * ({@code export onnx}); the embedding API lives in {@code org.aeworkbench.api}.
 *
 * <p>{@code design} reads a built model as the exporters need it; {@code translate} holds one
 * class per layer kind with everything each target needs of it, registered once in
 * {@code LayerTranslations}: a design with a layer that has no translation is refused naming the
 * layer and the reason. {@code onnx} and {@code pytorch} assemble the files. The package sits above
 * {@code data} (a model's recorded preparation goes with it) and {@code engine}, below {@code cli}
 * and {@code ui}.
 */
package org.aeworkbench.export;
