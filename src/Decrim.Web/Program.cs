// The Decrim web application: a thin shell over the core. WebApp builds it; this starts it.
// `reviewers …` manages reviewer accounts on the same database instead (an administrator's task, on the server).
if (args is ["reviewers", ..]) return Decrim.Web.Monitoring.ReviewerAdmin.Run(args[1..], Console.Out, Console.Error);
Decrim.Web.WebApp.Build(args).Run();
return 0;
