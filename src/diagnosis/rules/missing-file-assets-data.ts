/**
 * missing_file's readings of files a build step or an OS package puts in a dev box but a slim runtime
 * image lacks, in the words of the library that looks for them rather than an errno: compiled front-end
 * assets and their manifests (collectstatic, `vite build`, `assets:precompile` skipped in the image),
 * fonts (slim and distroless images ship none), and the data files native libraries read at run time
 * (PROJ's proj.db, GDAL's support files, Tesseract's traineddata, libmagic's magic database). The
 * missing-file rule lists these in its own order.
 */
import type { Signature } from './log-helpers.ts';

export const BUILT_ASSET_SIGNATURES: Signature[] = [
  {
    // The asset manifest itself is absent: the image never ran the build step that writes it. Laravel
    // "Vite manifest not found at: /var/www/public/build/manifest.json" (ViteManifestNotFoundException),
    // "Mix manifest not found at: ...", Symfony "Asset manifest file "/app/public/build/manifest.json"
    // does not exist", Webpack Encore "Could not find the entrypoints file from Webpack", Django
    // "Missing staticfiles manifest file" (collectstatic never ran).
    all: [
      /\b(?:Vite|Mix|[Aa]sset|[Ww]ebpack) manifest (?:file )?not found\b|\bViteManifestNotFoundException\b|\bAsset manifest file "[^"\n]{1,300}" does not exist|\bCould not find the entrypoints file\b|\bMissing staticfiles manifest file\b/,
    ],
    confidence: 0.85,
    title: 'The built asset manifest is not in the image (the asset build or collectstatic step never ran?)',
  },
  {
    // The manifest has no entry for an asset a page asks for: Django ManifestStaticFilesStorage "Missing
    // staticfiles manifest entry for 'css/app.css'", Laravel "Unable to locate file in Vite manifest",
    // "Unable to locate Mix file", Rails "Webpacker can't find application.js in .../manifest.json",
    // Sprockets "The asset "x.css" is not present in the asset pipeline". Usually the build step was
    // skipped or ran before the file was added; a template naming an asset that never existed reads the
    // same, so this stays below the manifest-absent reading.
    all: [
      /\bMissing staticfiles manifest entry for\b|\bUnable to locate (?:file in Vite manifest|Mix file)\b|\b(?:Webpacker|Shakapacker|Vite Ruby) can't find [\w./@-]{1,200} in |\bis not present in the asset pipeline\b/,
    ],
    confidence: 0.78,
    title: 'A compiled asset is not in the image (collectstatic or the asset build skipped in the Dockerfile?)',
  },
];

export const FONT_FILE_SIGNATURES: Signature[] = [
  {
    // A font loaded by file name that the image does not have: FreeType via Pillow "OSError: cannot open
    // resource", reportlab "TTFError: Can't open file "DejaVuSans.ttf"", PHP GD "imagettftext(): Could
    // not find/open font", "Font file not found: /app/fonts/x.ttf", "Cannot load font".
    all: [
      /\b(?:OSError|IOError): cannot open resource\b|\bTTFError: Can't open file\b|\bCould not find\/open font\b|\b(?:[Cc]ould not|[Cc]annot|[Cc]an't|[Uu]nable to|[Ff]ailed to) (?:find|open|load|locate|read) (?:the )?(?:TrueType |OpenType |TTF )?font(?: file)?\b|\b[Ff]ont file (?:['"‘]?[^\s'"]{1,300}['"’]? )?(?:not found|does not exist|doesn't exist|is missing)\b/,
    ],
    confidence: 0.8,
    title: 'A font file the app loads is not in the image (slim images ship no fonts)',
    // A font a renderer replaces with a fallback is a warning, not the crash.
    not: /\bfall(?:ing)? ?back\b|\busing (?:the )?default\b|\bsubstitut/i,
  },
];

export const LIBRARY_DATA_FILE_SIGNATURES: Signature[] = [
  {
    // A native library's data files are absent or its data path points where nothing is (a builder-stage
    // path baked into PROJ_DATA / GDAL_DATA / TESSDATA_PREFIX): PROJ "proj_create: no database context
    // specified", "Cannot find proj.db", "Open of /usr/share/proj/proj.db failed", pyproj "unable to set
    // database path", GDAL "Unable to open EPSG support file gcs.csv", Tesseract "Error opening data file
    // /usr/share/tessdata/eng.traineddata", libmagic "could not find any valid magic files".
    all: [
      /\bproj_create\w{0,40}: (?:no database context specified|[Cc]annot find proj\.db)|\b[Oo]pen of [^\s]{1,300}\/proj\.db failed|\bpyproj unable to set database path\b|\bUnable to open EPSG support file\b|\bError opening data file [^\s]{1,300}\.traineddata|\bcould not find any (?:valid )?magic files\b/,
    ],
    confidence: 0.8,
    title: "A data file a native library reads (proj.db, tessdata, GDAL's or libmagic's) is not at the path it uses",
    // A proj.db from another PROJ version is there but incompatible: not a missing file.
    not: /DATABASE\.LAYOUT\.VERSION|another PROJ installation/,
  },
  {
    // A language-processing library's downloaded data is not under any path it searches (fetched at build
    // time into root's home while the container runs as another user, or never fetched): NLTK "Resource
    // punkt not found. Please use the NLTK Downloader to obtain the resource", Stanza "Resources file not
    // found at: /home/app/stanza_resources/resources.json".
    all: [
      /^\s{0,8}Resource [\w./-]{1,80} not found\.|\bPlease use the NLTK Downloader to obtain the resource\b|\bResources? file not found at: /,
    ],
    confidence: 0.8,
    title: 'A data package the library downloads (NLTK or Stanza resources) is not on any path it searches',
  },
  {
    // A game server's base data set (graphics, sounds, music, the original game's data files) is not in the
    // image or on the data volume: OpenTTD "Failed to find a graphics set. Please acquire a graphics set"
    // (OpenGFX never downloaded), "Could not find any base sounds set", Doom ports "No IWAD file was found" /
    // "Cannot find a game IWAD", ioquake3 "Couldn't load default.cfg" (no pak files in baseq3). A set that is
    // there but corrupt or of another version, or an optional one the server goes on without, is not this.
    all: [
      /\b(?:[Ff]ailed to|[Cc]ould not|[Cc]ouldn't|[Uu]nable to|[Cc]annot|[Cc]an't) (?:find|locate) (?:a|an|any|the)(?: valid| usable)? (?:base )?(?:graphics|sounds?|music|data|assets?|resources?|textures?|game data)(?: base)? (?:set|pack)s?\b|\b[Pp]lease acquire an? [\w ]{1,30} set\b|\bNo IWAD (?:file )?(?:was )?found\b|\bCannot find a game IWAD\b|\bCouldn't load default\.cfg\b/,
    ],
    confidence: 0.8,
    title: "The game's base data set (graphics, sounds or game data files) is not in the image or data volume",
    not: /\b(?:checksum|corrupt|invalid|version|continuing|without|fall(?:ing)? ?back|using (?:the )?default)/i,
  },
];
