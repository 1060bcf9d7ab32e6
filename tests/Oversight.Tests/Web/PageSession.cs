using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Web;

/// <summary>A browser-like client of the pages: cookies kept, redirects not followed, forms posted with their antiforgery token.</summary>
public sealed class PageSession(HttpClient client)
{
    public HttpClient Client => client;

    public static PageSession Anonymous(OversightWebFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Signs in through the form; fails the test unless the sign-in redirects.</summary>
    public static async Task<PageSession> SignInAsync(OversightWebFactory factory, string userName)
    {
        var session = Anonymous(factory);
        var response = await session.PostLoginAsync(userName, OversightWebFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    /// <summary>Fills in and posts the sign-in form as a person would.</summary>
    public async Task<HttpResponseMessage> PostLoginAsync(string userName, string password, string? returnUrl = null)
    {
        var (_, form) = await GetAsync("/Account/Login");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token), "the sign-in form carries no antiforgery token");
        var action = returnUrl is null ? "/Account/Login" : $"/Account/Login?returnUrl={Uri.EscapeDataString(returnUrl)}";
        return await client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token!,
        }), TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Posts the page's form (the first in <c>main</c>) with the fields given and its hidden ones (the antiforgery token,
    /// the stamp of the record it corrects), as a browser would: multipart, with the files, when the form takes files.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(IDocument page, Dictionary<string, string> fields, IReadOnlyList<(string Field, string FileName, byte[] Content)>? files = null)
    {
        var form = page.QuerySelector("main form[method=post]") ?? throw new Xunit.Sdk.XunitException("no form on the page");
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden][name]"))
        {
            fields.TryAdd(hidden.GetAttribute("name")!, hidden.GetAttribute("value") ?? string.Empty);
        }

        return await SendAsync(form, form.GetAttribute("action"), fields, files);
    }

    /// <summary>Sends a form's fields to its action: multipart, with the files, when the form takes files; encoded otherwise (and no files).</summary>
    private async Task<HttpResponseMessage> SendAsync(IElement form, string? action, Dictionary<string, string> fields, IReadOnlyList<(string Field, string FileName, byte[] Content)>? files)
    {
        if (form.GetAttribute("enctype") != "multipart/form-data")
        {
            Assert.Null(files);
            return await client.PostAsync(action, new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
        }

        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (field, fileName, bytes) in files ?? [])
        {
            content.Add(new ByteArrayContent(bytes), field, fileName);
        }

        return await client.PostAsync(action, content, TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Posts one of a page's forms (found by <paramref name="selector"/>) as a browser would: every field with the value
    /// the page gave it (the antiforgery token and the stamp included), then <paramref name="changes"/>.
    /// </summary>
    public async Task<HttpResponseMessage> PostFormAsync(
        IDocument page, string selector, Dictionary<string, string> changes, IReadOnlyList<(string Field, string FileName, byte[] Content)>? files = null)
    {
        var form = page.QuerySelector(selector) ?? throw new Xunit.Sdk.XunitException($"no form '{selector}' on the page");
        var fields = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input, textarea, select"))
        {
            var name = input.GetAttribute("name");
            var type = input.GetAttribute("type");
            if (name is null || (type is "checkbox" && !input.HasAttribute("checked")))
            {
                continue;
            }

            fields[name] = input.LocalName switch
            {
                "textarea" => input.TextContent,
                "select" => input.QuerySelector("option[selected]")?.GetAttribute("value") ?? string.Empty,
                _ => input.GetAttribute("value") ?? string.Empty,
            };
        }

        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        return await SendAsync(form, form.GetAttribute("action") is { Length: > 0 } target ? target : "/", fields, files);
    }

    public async Task<(HttpStatusCode Status, IDocument Page)> GetAsync(string url)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        return (response.StatusCode, await ParseAsync(response));
    }

    /// <summary>Follows the redirect a response answers with.</summary>
    public async Task<(HttpStatusCode Status, IDocument Page)> FollowAsync(HttpResponseMessage redirect)
    {
        Assert.True(redirect.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found, $"expected a redirect, got {(int)redirect.StatusCode}");
        return await GetAsync(redirect.Headers.Location!.OriginalString);
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return await BrowsingContext.New(Configuration.Default).OpenAsync(request => request.Content(html), TestContext.Current.CancellationToken);
    }
}

/// <summary>What a reader of a page sees.</summary>
public static class PageText
{
    /// <summary>The text of an element with white space collapsed, as it reads on screen.</summary>
    public static string Of(IElement? element) =>
        element is null ? string.Empty : string.Join(' ', element.TextContent.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    public static string MainText(IDocument page) => Of(page.QuerySelector("main"));

    /// <summary>The description of a term in a definition list: "Ngày sinh" → "08/03/1972".</summary>
    public static string Definition(IDocument page, string term) =>
        Of(page.QuerySelectorAll("dt").FirstOrDefault(dt => Of(dt) == term)?.NextElementSibling);
}
