using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Data;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Web;

public sealed class EndpointAuthorizationConventionTests
{
    /// <summary>STYLE.md: every endpoint and page carries an authorization policy or is explicitly public.</summary>
    [Fact]
    public async Task Every_endpoint_and_page_requires_a_policy_or_is_marked_public()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new OversightWebFactory(database);

        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        var unmarked = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
                && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0
                && e.Metadata.GetMetadata<AuthorizationPolicy>() is null)
            .Select(e => $"{(e as RouteEndpoint)?.RoutePattern.RawText ?? e.DisplayName} ({e.DisplayName})")
            .ToArray();

        Assert.True(endpoints.Count > 10, $"only {endpoints.Count} endpoints found");
        Assert.Empty(unmarked);
    }

    [Fact]
    public async Task The_public_pages_are_exactly_home_sign_in_language_error_and_the_public_channel()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new OversightWebFactory(database);

        var publicPages = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null && e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => e.RoutePattern.RawText)
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(["", "Account/Login", "Error", "Index", "language", "public/petitions", "public/petitions/new", "public/petitions/{code}"], publicPages);
    }
}
