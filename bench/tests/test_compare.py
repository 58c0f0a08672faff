"""Tests of bench/compare's reading, combining and printing, on canned reports of the shared schema.
Run: bench/compare --selftest  (or python3 -m unittest discover bench/tests)."""
import contextlib
import copy
import io
import json
import tempfile
import unittest
from importlib.machinery import SourceFileLoader
from pathlib import Path

HERE = Path(__file__).resolve().parent
compare = SourceFileLoader("compare", str(HERE.parent / "compare")).load_module()


def canned(name):
    return json.loads((HERE / name).read_text())


def with_seconds(report, name, seconds):
    """A copy of report whose workload `name` has seconds_median `seconds` (a second round)."""
    other = copy.deepcopy(report)
    for workload in other["workloads"]:
        if workload["name"] == name:
            workload["seconds_median"] = seconds
    return other


class CompareTest(unittest.TestCase):
    def setUp(self):
        self.java, self.torch = canned("java-bench-canned.json"), canned("torch-bench-canned.json")

    def test_ratio_is_torch_over_java_of_median_of_medians(self):
        java_rounds = [self.java, with_seconds(self.java, "dense-reference", 5.0),
                       with_seconds(self.java, "dense-reference", 4.4)]
        torch_rounds = [self.torch, with_seconds(self.torch, "dense-reference", 4.8)]
        rows = {row["name"]: row for row in compare.compare_rows(java_rounds, torch_rounds)}
        dense = rows["dense-reference"]
        self.assertAlmostEqual(dense["java_seconds"], 4.4)  # median of 4.0, 5.0, 4.4
        self.assertAlmostEqual(dense["torch_seconds"], 4.7)  # median of 4.6, 4.8
        self.assertAlmostEqual(dense["ratio_torch_over_java"], 4.7 / 4.4)
        self.assertAlmostEqual(rows["pca-60000x784"]["ratio_torch_over_java"], 2.5)  # Java faster: above 1

    def test_a_workload_on_one_side_only_has_no_ratio(self):
        rows = {row["name"]: row for row in compare.compare_rows([self.java], [self.torch])}
        self.assertIsNone(rows["vae-784-400-20"]["java_seconds"])
        self.assertIsNone(rows["vae-784-400-20"]["ratio_torch_over_java"])
        self.assertIsNone(rows["gemm-256x784x512-java"]["torch_seconds"])
        self.assertEqual([r["name"] for r in compare.compare_rows([self.java], [self.torch])],
                         ["dense-reference", "vae-784-400-20", "pca-60000x784", "gemm-256x784x512-java"])

    def test_table_shows_each_workload_with_seconds_and_ratio(self):
        text = compare.table(compare.compare_rows([self.java], [self.torch]))
        dense = next(line for line in text.splitlines() if line.startswith("dense-reference"))
        self.assertEqual(dense.split(), ["dense-reference", "4", "4.6", "1.15"])
        vae = next(line for line in text.splitlines() if line.startswith("vae-784-400-20"))
        self.assertEqual(vae.split(), ["vae-784-400-20", "-", "2.5", "-"])

    def test_report_after_log_lines_is_read(self):
        stdout = "INFO native BLAS loaded\n" + json.dumps(self.java)
        self.assertEqual(compare.parse_report(stdout, "java")["threads"], 2)
        table_then_line = "workload  median s\ndense-reference  4.0\n" + json.dumps(self.java)
        self.assertEqual(compare.parse_report(table_then_line, "java")["workloads"][0]["seconds_median"], 4.0)
        indented = json.dumps(self.torch, indent=2)
        self.assertEqual(compare.parse_report(indented, "pytorch")["workloads"][1]["name"], "vae-784-400-20")

    def test_missing_field_is_named(self):
        del self.java["workloads"][1]["gflops"]
        with self.assertRaisesRegex(compare.CompareError, r'java report: workloads\[1\] has no "gflops"'):
            compare.validate(self.java, "java")
        with self.assertRaisesRegex(compare.CompareError, "printed no JSON"):
            compare.parse_report("Unmatched argument at index 0: 'bench'", "java")

    def test_result_file_never_overwrites(self):
        with tempfile.TemporaryDirectory() as tmp:
            first = compare.result_path(Path(tmp), "2026-01-02")
            first.write_text("{}")
            second = compare.result_path(Path(tmp), "2026-01-02")
            self.assertEqual((first.name, second.name), ("compare-2026-01-02.json", "compare-2026-01-02-2.json"))

    def test_alternating_run_writes_rows_and_both_sides_reports(self):
        java_cmd = ["cat", str(HERE / "java-bench-canned.json")]
        torch_cmd = ["cat", str(HERE / "torch-bench-canned.json")]
        with tempfile.TemporaryDirectory() as tmp, contextlib.redirect_stdout(io.StringIO()) as out, \
                contextlib.redirect_stderr(io.StringIO()) as log:
            path = compare.alternate(java_cmd, torch_cmd, 2, Path(tmp), {"hardware": "test"})
            document = json.loads(path.read_text())
        self.assertEqual((len(document["java"]), len(document["torch"])), (2, 2))
        self.assertEqual(document["rows"][0]["name"], "dense-reference")
        self.assertIn("1.15", out.getvalue())
        self.assertEqual([line.split("] ")[1].split(":")[0] for line in log.getvalue().splitlines()],
                         ["java", "pytorch", "java", "pytorch"])  # alternating order

    def test_failing_side_is_an_error_not_a_table(self):
        with contextlib.redirect_stderr(io.StringIO()):
            with self.assertRaisesRegex(compare.CompareError, "java failed with exit code 1"):
                compare.alternate(["false"], ["true"], 1, Path(tempfile.gettempdir()), {})


    def test_a_missing_openmp_openblas_stops_the_run_with_the_setup_command(self):
        with tempfile.TemporaryDirectory() as there:
            self.assertIsNone(compare.torch_blas_problem(there))
            problem = compare.torch_blas_problem(str(Path(there) / "openblas-openmp"))
        self.assertIn("openblas-openmp is missing", problem)
        self.assertIn("bench/pytorch/setup.sh", problem)


if __name__ == "__main__":
    unittest.main()
