using Microsoft.EntityFrameworkCore;
using Oversight.Records;

namespace Oversight.Data;

/// <summary>
/// How every edit of a stamped record (<see cref="IStamped"/>) is saved: refused with
/// <see cref="RecordMessages.ChangedMeanwhile"/> (409 from the API, a form error on a page), nothing saved, when someone
/// else changed the record since the edit's form was read, whether that save came before the edit was applied (the
/// stamps differ) or between reading and saving (the database finds the stamp changed).
/// </summary>
public static class RecordEdits
{
    /// <summary>
    /// Whether an edit made on the copy stamped <paramref name="expectedStamp"/> is stale; an edit that names no stamp
    /// (an import row, which corrects by key) never is.
    /// </summary>
    public static bool IsStale(IStamped record, Guid? expectedStamp) =>
        expectedStamp is { } stamp && stamp != record.ConcurrencyStamp;

    /// <summary>
    /// Applies an edit to a loaded record and saves it with a new stamp when that changed something (the record or only
    /// its parts: links, targets, progress); an edit that changes nothing writes nothing, so it is not audited. With a
    /// stale stamp or <paramref name="errors"/>, forgets what was loaded and answers why. <paramref name="save"/> replaces the context's own save when the edit stores more with it (files).
    /// </summary>
    public static Task<RecordResult<T>> SaveEditAsync<T>(
        this OversightDbContext db, T record, Guid? expectedStamp, IReadOnlyList<FieldError> errors, Action apply, CancellationToken cancellationToken,
        Func<CancellationToken, Task>? save = null)
        where T : class, IStamped =>
        db.SaveEditAsync(record, expectedStamp, errors, () =>
        {
            apply();
            return Task.CompletedTask;
        }, cancellationToken, save);

    /// <inheritdoc cref="SaveEditAsync{T}(OversightDbContext, T, Guid?, IReadOnlyList{FieldError}, Action, CancellationToken, Func{CancellationToken, Task}?)"/>
    public static async Task<RecordResult<T>> SaveEditAsync<T>(
        this OversightDbContext db, T record, Guid? expectedStamp, IReadOnlyList<FieldError> errors, Func<Task> apply, CancellationToken cancellationToken,
        Func<CancellationToken, Task>? save = null)
        where T : class, IStamped
    {
        IReadOnlyList<FieldError> refused = IsStale(record, expectedStamp) ? [RecordMessages.ChangedMeanwhile.For(string.Empty)] : errors;
        if (refused.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new(null, refused);
        }

        await apply();
        db.ChangeTracker.DetectChanges();
        if (!db.ChangeTracker.HasChanges())
        {
            return new(record, []);
        }

        record.ConcurrencyStamp = Guid.NewGuid();
        try
        {
            await (save ?? (token => db.SaveChangesAsync(token)))(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new(null, [RecordMessages.ChangedMeanwhile.For(string.Empty)]);
        }

        return new(record, [], Changed: true);
    }
}
