// The Decrim web application: a thin shell over the core. WebApp builds it; this starts it.
Decrim.Web.WebApp.Build(args).Run();
