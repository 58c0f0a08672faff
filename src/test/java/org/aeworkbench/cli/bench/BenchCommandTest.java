package org.aeworkbench.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.aeworkbench.cli.CliRunner;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    @Test
    void quickRunPrintsTheSharedJsonSchema() throws Exception {
        CliRunner.Result res = CliRunner.run("bench", "--quick", "--json", "--only", "gemm-128x784x512,dense-reference");
        assertEquals(0, res.code(), res.err());
        String[] lines = res.out().trim().split("\n");
        JsonNode json = new ObjectMapper().readTree(lines[lines.length - 1]);
        assertTrue(json.get("blas").asText().length() > 0);
        assertTrue(json.get("threads").asInt() >= 1);
        assertEquals(2, json.get("workloads").size());
        for (JsonNode w : json.get("workloads")) {
            for (String key : new String[] {"name", "seconds_median", "seconds_min", "seconds_max", "samples_per_second",
                "gflops", "peak_fraction", "peak_memory_mb"}) {
                assertTrue(w.has(key), key);
            }
            assertTrue(w.get("seconds_median").asDouble() > 0);
            assertTrue(w.get("gflops").asDouble() > 0);
        }
        // One epoch of 6,000 samples: the reference model's FLOPs per sample are fixed by its shapes.
        JsonNode dense = json.get("workloads").get(1);
        double flops = dense.get("gflops").asDouble() * 1e9 * dense.get("seconds_median").asDouble();
        double perSample = 2.0 * (784 * 512 * 2 + (512 * 128 + 128 * 2 + 2 * 128 + 128 * 512 + 512 * 784) * 3);
        assertEquals(perSample * 6_000, flops, perSample * 6_000 * 1e-9);
    }

    @Test
    void anUnknownWorkloadIsNamed() {
        CliRunner.Result res = CliRunner.run("bench", "--quick", "--only", "nonsense");
        assertEquals(1, res.code());
        assertTrue(res.err().contains("unknown workload 'nonsense'"), res.err());
    }
}
