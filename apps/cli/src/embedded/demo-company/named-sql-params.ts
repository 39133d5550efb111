/**
 * Numbers named parameters in the order they first appear, so a statement built from fragments
 * never leaves a gap ($4 unused would make PostgreSQL refuse the statement).
 */
export class NamedSqlParams {
  private readonly names: string[] = [];

  /** The placeholder for `name`, cast to `type`; the same name always gets the same number. */
  ref(name: string, type: string): string {
    let index = this.names.indexOf(name);
    if (index < 0) {
      this.names.push(name);
      index = this.names.length - 1;
    }
    return `$${index + 1}::${type}`;
  }

  /** The values in placeholder order; every referenced name must be given. */
  values(args: Readonly<Record<string, unknown>>): unknown[] {
    return this.names.map((name) => {
      if (!(name in args)) {
        throw new Error(`No value for SQL parameter "${name}"`);
      }
      return args[name];
    });
  }
}
