/**
 * Embedding a trained model in another JVM program: {@link org.aeworkbench.api.TrainedAutoencoder},
 * with EJML matrices at its edges. See docs/java-api.md.
 */
package org.aeworkbench.api;
