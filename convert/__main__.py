from convert.cli import script

if __name__ == "__main__":  # worker processes started by "spawn" import this module too
    script()
