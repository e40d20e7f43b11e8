namespace BatchTutorial; internal static class Placeholder { }
