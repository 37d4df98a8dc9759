/** esbuild inlines the sidebar's CSS into Sidebar.html; the import only declares the dependency. */
declare module '*.css';
