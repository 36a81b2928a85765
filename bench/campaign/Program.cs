using HvModel.Campaign;
using HvModel.TestSupport.Generation;

// Entry point of the campaigns; see bench/fuzz.sh, bench/differential.sh and bench/spin-liveness.sh.
var command = args.Length > 0 ? args[0] : "help";
var options = new Arguments(args.Skip(1));
switch (command)
{
    case "fuzz":
        return FuzzCampaign.Run(options);
    case "fuzzcase":
        return FuzzCampaign.WriteCase(options);
    case "differential":
        return DifferentialCampaign.Run(options);
    case "spin-liveness":
        return SpinLivenessCampaign.Run(options);
    case "generate":
        var generator = options.Flag("small") ? ModelGenerator.Small : options.Flag("liveness") ? ModelGenerator.Liveness : ModelGenerator.Default;
        Console.Write(generator.FromSeed(options.Number("seed", 0)).Text);
        return 0;
    default:
        Console.Error.WriteLine("""
            usage: campaign fuzz --root DIR [--from N] [--count N] [--families suite|all|known|F1,F2] [--failures DIR] [--marker FILE] [--log FILE]
                   campaign fuzzcase --root DIR --seed N --family F --out FILE
                   campaign differential [--from N] [--count N] [--engines bmc,kind,pdr] [--small] [--depth N] [--jobs N] [--last-variant] [--properties N]
                   campaign spin-liveness [--from N] [--count N] [--jobs N]
                   campaign generate --seed N [--small | --liveness]
            """);
        return 2;
}
