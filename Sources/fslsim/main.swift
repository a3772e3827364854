import FSLCommandLine
import Foundation

exit(FSLSimCommand.main(arguments: Array(CommandLine.arguments.dropFirst())))
