using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Oversight.Data;
using Oversight.Text;

namespace Oversight.Petitions;

/// <summary>
/// SQLite's trigram index of the cases' search text (migration CaseSearchTrigramIndex): which cases have each
/// three-letter sequence, so that a word found in few of a million cases is not looked for by reading them all.
/// </summary>
/// <remarks>
/// Recording a case only lists it as pending (a trigger does); <see cref="CatchUpAsync"/> indexes the pending cases in
/// batches, as the web host does every few seconds, so that recording a case does not also write an index segment
/// (and merge segments) in its own transaction. A search counts every pending case as a candidate, so it never misses
/// one that is not yet indexed. (PostgreSQL has its own trigram index, pg_trgm.)
/// </remarks>
public static class CaseSearchIndex
{
    /// <summary>A word search lists the index's candidates when they are at most this many; more, and the words are common.</summary>
    public const int CandidateLimit = 5_000;

    private const int BatchSize = 5_000;

    private static readonly string Batch = $"""(SELECT "CaseId" FROM "CaseSearchPending" ORDER BY "Seq" LIMIT {BatchSize})""";

    private static readonly string[] CatchUpBatch =
    [
        $"""DELETE FROM "CaseSearchTrigrams" WHERE rowid IN (SELECT "RowId" FROM "CaseSearchRows" WHERE "CaseId" IN {Batch})""",
        $"""DELETE FROM "CaseSearchRows" WHERE "CaseId" IN {Batch} AND NOT EXISTS (SELECT 1 FROM "Cases" WHERE "Id" = "CaseSearchRows"."CaseId")""",
        $"""INSERT OR IGNORE INTO "CaseSearchRows" ("CaseId") SELECT "Id" FROM "Cases" WHERE "Id" IN {Batch}""",
        $"""INSERT INTO "CaseSearchTrigrams" (rowid, "Text") SELECT r."RowId", c."SearchText" FROM "Cases" AS c JOIN "CaseSearchRows" AS r ON r."CaseId" = c."Id" WHERE c."Id" IN {Batch}""",
        $"""DELETE FROM "CaseSearchPending" WHERE "Seq" IN (SELECT "Seq" FROM "CaseSearchPending" ORDER BY "Seq" LIMIT {BatchSize})""",
    ];

    /// <summary>Indexes every pending case, a batch per write transaction; returns how many entries were pending (a case changed twice is listed twice).</summary>
    public static async Task<int> CatchUpAsync(OversightDbContext db, CancellationToken cancellationToken)
    {
        var indexed = 0;
        while (true)
        {
            await using var transaction = await WriteTransaction.BeginAsync(db.Database, cancellationToken);
            var batch = 0;
            foreach (var statement in CatchUpBatch)
            {
                batch = await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            indexed += batch;
            if (batch < BatchSize)
            {
                return indexed;
            }
        }
    }

    /// <summary>
    /// The cases that may hold every word of <paramref name="search"/>: those with all of the words' trigrams, and the
    /// pending ones. Null when no word is three letters long, or when there are more than <see cref="CandidateLimit"/>.
    /// The words themselves must still be matched on the candidates' text.
    /// </summary>
    public static async Task<IQueryable<CitizenCase>?> CandidatesAsync(OversightDbContext db, string search, CancellationToken cancellationToken)
    {
        var trigrams = VietnameseText.Fold(search).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(Trigrams)
            .Distinct(StringComparer.Ordinal)
            .Select(trigram => $"\"{trigram.Replace("\"", "\"\"")}\"")
            .ToList();
        if (trigrams.Count == 0)
        {
            return null;
        }

        // The index is read once: the page and its count then look the candidates up by id.
        var match = string.Join(" AND ", trigrams);
        var candidates = await db.Database.SqlQuery<string>($"""
            SELECT "CaseId" AS "Value" FROM "CaseSearchRows" WHERE "RowId" IN (
                SELECT rowid FROM "CaseSearchTrigrams" WHERE "CaseSearchTrigrams" MATCH {match} LIMIT {CandidateLimit + 1})
            UNION SELECT "CaseId" FROM (SELECT "CaseId" FROM "CaseSearchPending" LIMIT {CandidateLimit + 1})
            """).ToListAsync(cancellationToken);
        if (candidates.Count > CandidateLimit)
        {
            return null;
        }

        var ids = JsonSerializer.Serialize(candidates);
        return db.Cases.FromSql($"""
            SELECT * FROM "Cases" INDEXED BY "sqlite_autoindex_Cases_1" WHERE "Id" IN (SELECT value FROM json_each({ids}))
            """).AsNoTracking();
    }

    private static IEnumerable<string> Trigrams(string word)
    {
        var letters = word.EnumerateRunes().Select(rune => rune.ToString()).ToArray();
        for (var i = 0; i + 3 <= letters.Length; i++)
        {
            yield return string.Concat(letters[i], letters[i + 1], letters[i + 2]);
        }
    }
}
