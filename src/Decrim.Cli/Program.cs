// The `decrim` command: a thin shell. Each command parses its options, calls the core and renders the result.
return Decrim.Cli.Cli.Run(args, Console.Out, Console.Error);
