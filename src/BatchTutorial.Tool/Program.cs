using BatchTutorial.Tool;

return ToolCommands.Run(args, Console.Out, Console.Error);
