using System.Text.Json;
using Oversight.Imports;
using Oversight.Text;

namespace Oversight.Organisation.ReferenceImport;

/// <summary>The three levels of the structure before 1 Jul 2025; after it, level 2 (commune) hangs under level 1.</summary>
internal enum ReferenceLevel
{
    Province,
    District,
    Commune,
}

/// <summary>A unit as one release lists it. Names are NFC with white space collapsed.</summary>
internal sealed record ReleaseUnit(string Code, string Name, UnitKind Kind, string? ParentCode);

/// <summary>One release of the three-level structure, each level in file order and by code.</summary>
internal sealed class Release
{
    private readonly IReadOnlyList<ReleaseUnit>[] units;
    private readonly Dictionary<string, ReleaseUnit>[] byCode;

    public Release(string fileName, IReadOnlyList<ReleaseUnit> provinces, IReadOnlyList<ReleaseUnit> districts, IReadOnlyList<ReleaseUnit> communes)
    {
        FileName = fileName;
        units = [provinces, districts, communes];
        byCode = units.Select(level => level.ToDictionary(u => u.Code, StringComparer.Ordinal)).ToArray();
    }

    public string FileName { get; }

    public IReadOnlyList<ReleaseUnit> Units(ReferenceLevel level) => units[(int)level];

    public ReleaseUnit? Find(ReferenceLevel level, string code) => byCode[(int)level].GetValueOrDefault(code);

    public bool Has(ReferenceLevel level, string code) => byCode[(int)level].ContainsKey(code);

    /// <summary>The code of the province a unit of <paramref name="level"/> lies in.</summary>
    public string? ProvinceOf(ReferenceLevel level, string code)
    {
        var unit = Find(level, code);
        while (unit is not null && level > ReferenceLevel.Province)
        {
            level--;
            unit = unit.ParentCode is { } parent ? Find(level, parent) : null;
        }

        return unit?.Code;
    }
}

/// <summary>One old unit a unit of 1 Jul 2025 was formed from, as the mapping names it.</summary>
internal sealed record MappedSource(string OldCode, string Name, bool Partial);

/// <summary>A commune-level unit of 1 Jul 2025 and what it was formed from.</summary>
internal sealed record MappedUnit(string Code, string Name, UnitKind Kind, IReadOnlyList<MappedSource> Sources);

/// <summary>A province of 1 Jul 2025, what it was formed from, and its commune-level units.</summary>
internal sealed record MappedProvince(string Code, string Name, IReadOnlyList<MappedSource> Sources, IReadOnlyList<MappedUnit> Units);

/// <summary>One row of known-lineage.csv: one predecessor of a unit formed on <see cref="Date"/>.</summary>
internal sealed record KnownLineageRow(
    string File,
    int Row,
    DateOnly Date,
    LineageKind Kind,
    string SuccessorCode,
    string SuccessorName,
    string PredecessorCode,
    string PredecessorName,
    bool Partial,
    string LegalBasis,
    string? Note);

/// <summary>Everything the import reads, parsed and checked for shape (not yet for meaning).</summary>
internal sealed record ReferenceInputs(Release Before, Release After, string ReorganisationFile, IReadOnlyList<MappedProvince> Reorganisation, IReadOnlyList<KnownLineageRow> KnownLineage);

/// <summary>Reads the reference files; every problem is an <see cref="ImportError"/> naming the file and where in it.</summary>
internal static class ReferenceReader
{
    public static readonly IReadOnlyList<string> KnownLineageColumns =
        ["date", "kind", "successor_code", "successor_name", "predecessor_code", "predecessor_name", "partial", "legal_basis", "note"];

    public static async Task<(ReferenceInputs? Inputs, IReadOnlyList<ImportError> Errors)> ReadAsync(ReferenceSources sources, CancellationToken cancellationToken)
    {
        var errors = new List<ImportError>();
        var before = ReadRelease(sources.Before, errors);
        var after = ReadRelease(sources.After, errors);
        var reorganisation = ReadReorganisation(sources.Reorganisation, errors);
        var known = await ReadKnownLineageAsync(sources.KnownLineage, errors, cancellationToken);
        return errors.Count > 0 || before is null || after is null || reorganisation is null
            ? (null, errors)
            : (new ReferenceInputs(before, after, sources.Reorganisation.Name, reorganisation, known), errors);
    }

    /// <summary>The kind a unit's name gives it at a level, or null when the name does not fit the level.</summary>
    public static UnitKind? KindAt(ReferenceLevel level, string name) => (level, UnitKinds.FromAdministrativeName(name)) switch
    {
        (ReferenceLevel.Province, UnitKind.Province) => UnitKind.Province,
        // "Thành phố" under a province is a city at district level.
        (ReferenceLevel.District, UnitKind.Province or UnitKind.District) => UnitKind.District,
        (ReferenceLevel.Commune, var kind and (UnitKind.Commune or UnitKind.Ward or UnitKind.Town or UnitKind.SpecialZone)) => kind,
        _ => null,
    };

    private static string Prefixes(ReferenceLevel level) => level switch
    {
        ReferenceLevel.Province => "Tỉnh, Thành phố",
        ReferenceLevel.District => "Quận, Huyện, Thị xã, Thành phố",
        _ => "Xã, Phường, Thị trấn, Đặc khu",
    };

    private static Release? ReadRelease(ReferenceFile file, List<ImportError> errors)
    {
        var json = new JsonInput(file.Name, errors);
        if (json.Parse(file.Content) is not { } document)
        {
            return null;
        }

        using (document)
        {
            var levels = new[] { new List<ReleaseUnit>(), new List<ReleaseUnit>(), new List<ReleaseUnit>() };
            var seen = new[] { new Dictionary<string, string>(), new Dictionary<string, string>(), new Dictionary<string, string>() };

            void Add(ReferenceLevel level, JsonElement element, string path, string? parentCode, string childrenProperty)
            {
                var code = json.Text(element, "Code", path);
                var name = json.Text(element, "FullName", path);
                if (code is not null && name is not null)
                {
                    if (KindAt(level, name) is not { } kind)
                    {
                        json.Error($"{path}.FullName", $"'{name}' does not name a {level.ToString().ToLowerInvariant()}-level unit (it should begin with one of: {Prefixes(level)})");
                    }
                    else if (seen[(int)level].TryGetValue(code, out var earlier))
                    {
                        json.Error($"{path}.Code", $"code {code} is listed twice (first at {earlier})");
                    }
                    else
                    {
                        seen[(int)level].Add(code, path);
                        levels[(int)level].Add(new ReleaseUnit(code, name, kind, parentCode));
                    }
                }

                if (level == ReferenceLevel.Commune)
                {
                    return;
                }

                // Island districts without communes have "Ward": null.
                foreach (var (child, childPath) in json.Items(element, childrenProperty, path, nullIsEmpty: level == ReferenceLevel.District))
                {
                    Add(level + 1, child, childPath, code, "Ward");
                }
            }

            foreach (var (province, path) in json.Items(document.RootElement, null, "$", nullIsEmpty: false))
            {
                Add(ReferenceLevel.Province, province, path, null, "District");
            }

            return new Release(file.Name, levels[0], levels[1], levels[2]);
        }
    }

    private static List<MappedProvince>? ReadReorganisation(ReferenceFile file, List<ImportError> errors)
    {
        var json = new JsonInput(file.Name, errors);
        if (json.Parse(file.Content) is not { } document)
        {
            return null;
        }

        using (document)
        {
            var provinces = new List<MappedProvince>();
            var seenUnits = new Dictionary<string, string>();
            foreach (var (province, path) in json.Items(document.RootElement, "data", "$", nullIsEmpty: false))
            {
                var code = json.Text(province, "level1_id", path);
                var name = json.Text(province, "name", path);
                if (name is not null && KindAt(ReferenceLevel.Province, name) is null)
                {
                    json.Error($"{path}.name", $"'{name}' does not name a province (it should begin with one of: {Prefixes(ReferenceLevel.Province)})");
                }

                var sources = ReadSources(json, province, path);
                var units = new List<MappedUnit>();
                foreach (var (unit, unitPath) in json.Items(province, "level2s", path, nullIsEmpty: false))
                {
                    var unitCode = json.Text(unit, "level2_id", unitPath);
                    var unitName = json.Text(unit, "name", unitPath);
                    var unitSources = ReadSources(json, unit, unitPath);
                    if (unitCode is null || unitName is null)
                    {
                        continue;
                    }

                    if (KindAt(ReferenceLevel.Commune, unitName) is not { } kind)
                    {
                        json.Error($"{unitPath}.name", $"'{unitName}' does not name a commune-level unit (it should begin with one of: {Prefixes(ReferenceLevel.Commune)})");
                    }
                    else if (!seenUnits.TryAdd(unitCode, unitPath))
                    {
                        json.Error($"{unitPath}.level2_id", $"code {unitCode} is listed twice (first at {seenUnits[unitCode]})");
                    }
                    else
                    {
                        units.Add(new MappedUnit(unitCode, unitName, kind, unitSources));
                    }
                }

                if (code is not null && name is not null)
                {
                    provinces.Add(new MappedProvince(code, name, sources, units));
                }
            }

            return provinces;
        }
    }

    private static List<MappedSource> ReadSources(JsonInput json, JsonElement parent, string path)
    {
        var sources = new List<MappedSource>();
        foreach (var (merge, mergePath) in json.Items(parent, "merges", path, nullIsEmpty: false))
        {
            var oldCode = json.Text(merge, "old_id", mergePath);
            var name = json.Text(merge, "name", mergePath);
            var type = json.Text(merge, "type", mergePath);
            if (type is not null and not ("full" or "partial"))
            {
                json.Error($"{mergePath}.type", $"'{type}' is neither full nor partial");
            }
            else if (oldCode is not null && name is not null && type is not null)
            {
                sources.Add(new MappedSource(oldCode, name, type == "partial"));
            }
        }

        return sources;
    }

    private static async Task<List<KnownLineageRow>> ReadKnownLineageAsync(ReferenceFile file, List<ImportError> errors, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(file.Content, writable: false);
        // The application's own reference data, of a few hundred rows: no limit of an upload applies.
        var read = TabularReader.Read(file.Name, content, KnownLineageColumns.ToArray(), int.MaxValue, cancellationToken);
        errors.AddRange(read.Errors);
        if (read.Table is null)
        {
            return [];
        }

        var rowErrors = new ImportErrors();
        var rows = new List<KnownLineageRow>();
        foreach (var row in read.Table.Rows)
        {
            var cells = rowErrors.Cells(row);
            var date = cells.Date("date");
            if (date is null && cells.IsBlank("date"))
            {
                cells.Error("date", "must not be empty");
            }

            var kind = cells.Choice<LineageKind>("kind");
            if (kind is not (null or LineageKind.Merge or LineageKind.Split))
            {
                cells.Error("kind", "must be merge or split: a row records where a unit formed on that date came from");
            }

            var successorCode = cells.Required("successor_code", 32);
            var successorName = cells.Required("successor_name", 300);
            var predecessorCode = cells.Required("predecessor_code", 32);
            var predecessorName = cells.Required("predecessor_name", 300);
            var partial = cells.Flag("partial");
            var legalBasis = cells.Required("legal_basis", 500);
            var note = cells.Text("note", 2000);
            if (!cells.HasErrors)
            {
                rows.Add(new KnownLineageRow(file.Name, row.Number, date!.Value, kind!.Value, successorCode!, successorName!, predecessorCode!, predecessorName!, partial!.Value, legalBasis!, note));
            }
        }

        errors.AddRange(rowErrors.Sorted());
        return rows;
    }

    /// <summary>Walks a JSON document, reporting missing or mistyped values by their JSON path.</summary>
    private sealed class JsonInput(string file, List<ImportError> errors)
    {
        public JsonDocument? Parse(byte[] content)
        {
            try
            {
                return JsonDocument.Parse(content);
            }
            catch (JsonException e)
            {
                errors.Add(new ImportError(file, 0, null, $"not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}"));
                return null;
            }
        }

        public void Error(string path, string message) => errors.Add(new ImportError(file, 0, null, $"{path}: {message}"));

        public string? Text(JsonElement parent, string property, string path)
        {
            if (parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(property, out var value)
                && value.ValueKind == JsonValueKind.String && VietnameseText.Normalize(value.GetString()) is { } text)
            {
                return text;
            }

            Error($"{path}.{property}", "missing, or not a non-empty string");
            return null;
        }

        /// <summary>The elements of the array at <paramref name="property"/> (null: <paramref name="parent"/> itself) with their paths.</summary>
        public IEnumerable<(JsonElement Element, string Path)> Items(JsonElement parent, string? property, string path, bool nullIsEmpty)
        {
            var arrayPath = property is null ? path : $"{path}.{property}";
            var array = parent;
            if (property is not null && !(parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(property, out array)))
            {
                Error(arrayPath, "missing");
                yield break;
            }

            if (array.ValueKind == JsonValueKind.Null && nullIsEmpty)
            {
                yield break;
            }

            if (array.ValueKind != JsonValueKind.Array)
            {
                Error(arrayPath, "not an array");
                yield break;
            }

            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                yield return (item, $"{arrayPath}[{index++}]");
            }
        }
    }
}
