using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace Oversight.Accounts;

/// <summary>
/// Refuses a password that is one of the most common ones (<c>Accounts/Data/common-passwords.txt</c>), also with
/// digits or punctuation added before or after (<c>Password2024!</c>). With the length of at least 12 characters and
/// no composition rules, this is what NIST SP 800-63B asks of a memorised secret.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<OversightUser>
{
    public const string CommonCode = "CommonPassword";

    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<OversightUser> manager, OversightUser user, string? password)
    {
        var lowered = (password ?? string.Empty).ToLowerInvariant();
        var core = lowered.Trim().Trim("0123456789!@#$%^&*()-_=+.,;:?/\\|'\"`~<>[]{} ".ToCharArray());
        if (Common.Value.Contains(lowered) || Common.Value.Contains(core))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = CommonCode,
                Description = "the password is one of the most common passwords, or one of them with digits or signs added; choose a phrase of your own",
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Oversight.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is not embedded.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                words.Add(line);
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
