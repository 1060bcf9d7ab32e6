using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Data;
using Oversight.Imports;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Fuzz;

/// <summary>
/// Every importer, fed mutations of its own template (CSV and XLSX: a valid header and example row) with a fixed seed:
/// an import either succeeds or answers errors that name the file; it never throws, and a refused one writes nothing
/// (the audit trail, which every write adds to, does not grow).
/// </summary>
public sealed class ImportFuzzTests
{
    public const int Seed = 20261205;
    public const int InputsPerImportAndFormat = 120;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Mutated_files_never_throw_and_a_refused_import_writes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        List<string> names;
        await using (var scope = database.SystemScope())
        {
            names = scope.ServiceProvider.GetRequiredService<ImportCatalog>().All.Select(i => i.Name).ToList();
        }

        var failures = new List<string>();
        var (fed, refused) = (0, 0);
        var mutations = new Mutations(Seed);
        foreach (var name in names)
        {
            foreach (var format in Enum.GetValues<TabularFormat>())
            {
                byte[] template;
                await using (var scope = database.SystemScope())
                {
                    template = scope.ServiceProvider.GetRequiredService<ImportCatalog>().Find(name)!.Template(format);
                }

                var fileName = $"{name}.{TabularFormats.Extension(format)}";
                var index = 0;
                foreach (var (mutation, bytes) in mutations.Of(template, InputsPerImportAndFormat))
                {
                    await using var scope = database.SystemScope("fuzz");
                    var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
                    var before = await db.AuditEntries.CountAsync(Cancel);
                    try
                    {
                        var result = await scope.ServiceProvider.GetRequiredService<ImportCatalog>().Find(name)!
                            .ImportAsync(fileName, new MemoryStream(bytes), dryRun: false, cancellationToken: Cancel);
                        if (!result.Succeeded)
                        {
                            refused++;
                            var after = await db.AuditEntries.CountAsync(Cancel);
                            if (after != before)
                            {
                                failures.Add($"{fileName} input {index} ({mutation}): refused but wrote {after - before} audit entries");
                            }

                            if (result.Errors.Any(e => e.File != fileName))
                            {
                                failures.Add($"{fileName} input {index} ({mutation}): an error does not name the file: {result.Errors.First()}");
                            }
                        }
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        failures.Add($"{fileName} input {index} ({mutation}): {exception.GetType().Name}: {exception.Message}");
                    }

                    fed++;
                    index++;
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {fed} inputs failed:\n" + string.Join('\n', failures.Take(30)));
        Assert.True(refused > fed / 2, $"only {refused} of {fed} mutated files were refused");
    }
}
