using Microsoft.EntityFrameworkCore;

namespace Oversight;

/// <summary>One page (from 1) of a register, newest first; a page reads one row more to know whether another follows.</summary>
public sealed record RegisterPage<TRow>(IReadOnlyList<TRow> Rows, int Page, int PageSize, bool HasNextPage);

/// <summary>Reads a page of a register without counting the rows: counting a large register costs more than the page.</summary>
public static class RegisterPage
{
    public const int MaxPageSize = 200;

    /// <summary>
    /// The page <paramref name="page"/> of <paramref name="ordered"/> (already in register order), each row made
    /// from what the query read by <paramref name="row"/>; page and size are clamped to what a register serves.
    /// </summary>
    public static async Task<RegisterPage<TRow>> ReadAsync<TRead, TRow>(
        IQueryable<TRead> ordered, int page, int pageSize, Func<TRead, TRow> row, CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Clamp(page, 1, int.MaxValue / MaxPageSize);
        var found = await ordered.Skip((page - 1) * pageSize).Take(pageSize + 1).ToListAsync(cancellationToken);
        return new RegisterPage<TRow>(found.Take(pageSize).Select(row).ToList(), page, pageSize, found.Count > pageSize);
    }

    /// <summary>
    /// The page <paramref name="page"/> of <paramref name="ordered"/>, its rows completed by <paramref name="rows"/>,
    /// which reads what the rows show besides the records themselves (names, counts) for this page only.
    /// </summary>
    /// <remarks>
    /// Read in the page's query, as correlated subqueries, such columns are worked out for every record that matches
    /// before the sort (SQLite's sorter keeps whole result rows): for a district officer's few hundred records that
    /// was most of the page's time.
    /// </remarks>
    public static async Task<RegisterPage<TRow>> ReadAsync<TRead, TRow>(
        IQueryable<TRead> ordered, int page, int pageSize, Func<IReadOnlyList<TRead>, CancellationToken, Task<List<TRow>>> rows, CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Clamp(page, 1, int.MaxValue / MaxPageSize);
        var found = await ordered.Skip((page - 1) * pageSize).Take(pageSize + 1).ToListAsync(cancellationToken);
        return new RegisterPage<TRow>(await rows(found.Take(pageSize).ToList(), cancellationToken), page, pageSize, found.Count > pageSize);
    }
}
