using Oversight.Benchmarks;

// Speed measurements of Oversight, run on demand (not part of the test suite). See README.md beside this file.
var options = BenchOptions.Parse(args);
return options.Benchmark switch
{
    "import" => await ImportBenchmark.RunAsync(options),
    "web" => await WebBenchmark.RunAsync(options),
    "calendar" => CalendarBenchmark.Run(options),
    "cases-register" => await CaseRegisterBenchmark.RunAsync(options),
    "cases-create" => await CaseCreateBenchmark.RunAsync(options),
    "cases-import" => await CaseImportBenchmark.RunAsync(options),
    "directive-chain" => await DirectiveChainBenchmark.RunAsync(options),
    "registers" => await RegistersBenchmark.RunAsync(options),
    "indicators" => await IndicatorsBenchmark.RunAsync(options),
    "report" => await ReportBenchmark.RunAsync(options),
    "dossiers" => await DossiersBenchmark.RunAsync(options),
    _ => BenchOptions.Usage(),
};
