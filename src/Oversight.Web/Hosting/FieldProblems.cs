using Microsoft.AspNetCore.Http.HttpResults;
using Oversight.Records;

namespace Oversight.Web.Hosting;

/// <summary>
/// A write the services refused, as the API answers it: the field errors as a problem description with the status
/// their kind calls for (400 bad fields, 409 changed meanwhile, 403 not the caller's to do).
/// </summary>
public static class FieldProblems
{
    public static ProblemHttpResult For(IReadOnlyList<FieldError> errors, string invalidTitle)
    {
        var kind = errors.Select(e => e.Kind).DefaultIfEmpty(ErrorKind.Invalid).Max();
        var (status, title) = kind switch
        {
            ErrorKind.Forbidden => (StatusCodes.Status403Forbidden, "Not allowed: " + errors.First(e => e.Kind == kind).Message + "."),
            ErrorKind.Stale => (StatusCodes.Status409Conflict, "The record was changed by someone else meanwhile; read it again and retry."),
            _ => (StatusCodes.Status400BadRequest, invalidTitle),
        };
        var problem = new HttpValidationProblemDetails(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()))
        {
            Status = status,
            Title = title,
        };
        return TypedResults.Problem(problem);
    }
}
