interface ImportMetaEnv {
  /** The Linkup API origin, fixed per build in wxt.config.ts. */
  readonly LINKUP_API_BASE: string;
}
