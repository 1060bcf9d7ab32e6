using Microsoft.EntityFrameworkCore;

namespace Oversight;

/// <summary>One page (from 1) of a register, newest first; a page reads one row more to know whether another follows.</summary>
/// <remarks>For an export (<see cref="RegisterSlice.FirstRows"/>) the page is the whole list, and <c>HasNextPage</c> says that more rows match than it holds.</remarks>
public sealed record RegisterPage<TRow>(IReadOnlyList<TRow> Rows, int Page, int PageSize, bool HasNextPage);

/// <summary>Which rows of a register to read: a page as the pages and the API serve it, or the first rows of the whole list for an export.</summary>
public readonly record struct RegisterSlice
{
    private RegisterSlice(int page, int pageSize)
    {
        Page = page;
        PageSize = pageSize;
    }

    /// <summary>From 1.</summary>
    public int Page { get; }

    public int PageSize { get; }

    /// <summary>The page <paramref name="page"/> of <paramref name="pageSize"/> rows, both clamped to what a register serves (<see cref="RegisterPage.MaxPageSize"/>).</summary>
    public static RegisterSlice OnePage(int page, int pageSize) =>
        new(Math.Clamp(page, 1, int.MaxValue / RegisterPage.MaxPageSize), Math.Clamp(pageSize, 1, RegisterPage.MaxPageSize));

    /// <summary>The first <paramref name="limit"/> rows of the list, for an export.</summary>
    public static RegisterSlice FirstRows(int limit) => new(1, Math.Max(1, limit));
}

/// <summary>Reads a page of a register without counting the rows: counting a large register costs more than the page.</summary>
public static class RegisterPage
{
    public const int MaxPageSize = 200;

    /// <summary>
    /// Rows are completed (<see cref="ReadAsync{TRead, TRow}(IQueryable{TRead}, RegisterSlice, Func{IReadOnlyList{TRead}, CancellationToken, Task{List{TRow}}}, CancellationToken)"/>)
    /// this many at a time: an export's hundred thousand ids in one query would pass the databases' limits on parameters.
    /// </summary>
    private const int CompletedAtOnce = 1000;

    /// <summary>
    /// The rows <paramref name="slice"/> asks for of <paramref name="ordered"/> (already in register order), each row
    /// made from what the query read by <paramref name="row"/>.
    /// </summary>
    public static async Task<RegisterPage<TRow>> ReadAsync<TRead, TRow>(
        IQueryable<TRead> ordered, RegisterSlice slice, Func<TRead, TRow> row, CancellationToken cancellationToken)
    {
        var found = await ordered.Skip((slice.Page - 1) * slice.PageSize).Take(slice.PageSize + 1).ToListAsync(cancellationToken);
        return new RegisterPage<TRow>(found.Take(slice.PageSize).Select(row).ToList(), slice.Page, slice.PageSize, found.Count > slice.PageSize);
    }

    /// <summary>
    /// The rows <paramref name="slice"/> asks for of <paramref name="ordered"/>, completed by <paramref name="rows"/>,
    /// which reads what the rows show besides the records themselves (names, counts) for these rows only.
    /// </summary>
    /// <remarks>
    /// Read in the page's query, as correlated subqueries, such columns are worked out for every record that matches
    /// before the sort (SQLite's sorter keeps whole result rows): for a district officer's few hundred records that
    /// was most of the page's time.
    /// </remarks>
    public static async Task<RegisterPage<TRow>> ReadAsync<TRead, TRow>(
        IQueryable<TRead> ordered, RegisterSlice slice, Func<IReadOnlyList<TRead>, CancellationToken, Task<List<TRow>>> rows, CancellationToken cancellationToken)
    {
        var found = await ordered.Skip((slice.Page - 1) * slice.PageSize).Take(slice.PageSize + 1).ToListAsync(cancellationToken);
        var completed = new List<TRow>(Math.Min(found.Count, slice.PageSize));
        foreach (var chunk in found.Take(slice.PageSize).Chunk(CompletedAtOnce))
        {
            completed.AddRange(await rows(chunk, cancellationToken));
        }

        return new RegisterPage<TRow>(completed, slice.Page, slice.PageSize, found.Count > slice.PageSize);
    }
}
