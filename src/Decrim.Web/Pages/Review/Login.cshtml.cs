using Decrim.Web.Monitoring;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Decrim.Web.Pages.Review;

/// <summary>Reviewers sign in with their organisation's login and password; the session is a signed cookie (SameSite=Strict, HttpOnly).</summary>
public sealed class LoginModel(Reviewers reviewers) : PageModel
{
    [BindProperty] public string? Login { get; set; }
    [BindProperty] public string? Password { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPost()
    {
        if (reviewers.SignIn(Login, Password) is not { } org)
        {
            Error = "The login or password is wrong, or the account is disabled.";
            return Page();
        }
        await Reviewers.SignInCookie(HttpContext, org);
        return Redirect("/review");
    }

    public async Task<IActionResult> OnPostLogout()
    {
        await HttpContext.SignOutAsync(Reviewers.Scheme);
        return Redirect("/review/login");
    }
}
